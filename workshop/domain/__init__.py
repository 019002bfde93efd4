"""Pure rules of the workshop: plain values in, plain values out; standard library only."""
