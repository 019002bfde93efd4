"""Socket.IO: parse the payload, call one service, return the ack; broadcasts come from the publisher."""
