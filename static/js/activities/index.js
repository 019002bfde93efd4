// The activity types the pages know, mirroring the server's registry (workshop/activities/).

import brainstorm from "./brainstorm.js";
import dotVoting from "./dot_voting.js";
import poll from "./poll.js";
import scale from "./scale.js";
import wordCloud from "./word_cloud.js";

export const ACTIVITY_TYPES = Object.fromEntries([brainstorm, wordCloud, poll, scale, dotVoting].map((type) => [type.name, type]));
