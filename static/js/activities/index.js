// The activity types the pages know, mirroring the server's registry (workshop/activities/).

import brainstorm from "./brainstorm.js";
import criteriaScoring from "./criteria_scoring.js";
import dotVoting from "./dot_voting.js";
import matrix from "./matrix.js";
import points100 from "./points_100.js";
import poll from "./poll.js";
import ranking from "./ranking.js";
import scale from "./scale.js";
import survey from "./survey.js";
import wordCloud from "./word_cloud.js";

export const ACTIVITY_TYPES = Object.fromEntries([brainstorm, wordCloud, poll, scale, dotVoting, criteriaScoring, matrix,
  ranking, points100, survey].map((type) => [type.name, type]));
