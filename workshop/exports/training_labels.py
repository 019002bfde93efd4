"""Labels of the capacity-building workshop report (documents/training.py); merged by labels.py with the others."""
from __future__ import annotations

from ..domain.vocabulary import N_

TRAINING_LABELS: dict[str, str] = {
    "training_report": N_("Capacity-building workshop report"),
    "training_objectives": N_("Objectives"),
    "training_objectives_from_plan": N_("The needs the organisations share, from their plan de renforcement (group "
                                        "workshops):"),
    "training_hint_objectives": N_("state what the participants should know or be able to do at the end of the "
                                   "workshop."),
    "training_agenda": N_("Agenda"),
    "training_attendance": N_("Attendance"),
    "training_attendance_note": N_("Counted from the phones that joined the room and what each person chose to say "
                                   "in their profile; nobody is named."),
    "training_organisation": N_("Organisation"),
    "sex": N_("Sex"),
    "training_knowledge": N_("Knowledge before and after the training"),
    "training_method": N_("Each person's score is the share of the quiz's questions answered right (a question with "
                          "several right options counts only when exactly those are ticked; a question left blank "
                          "counts as not known). The answers before and after are matched %(pairing)s; the change is "
                          "the mean of the matched differences, with its %(level)s confidence interval (Student's t "
                          "for paired data)."),
    "training_post_test_of": N_("Post-test « %(post)s », compared with the pre-test « %(pre)s »"),
    "training_matched": N_("People matched"),
    "training_mean_before": N_("Average score before"),
    "training_mean_after": N_("Average score after"),
    "training_change": N_("Change (points)"),
    "training_interval": N_("Interval (95%)"),
    "training_improved": N_("Improved"),
    "training_questions_changed": N_("The pre-test's questions were edited after the post-test copied them: the "
                                     "answers cannot be compared."),
    "training_no_post_test": N_("No post-test has been run in this room: a quiz before the training and its "
                                "post-test after it measure what was learnt."),
    "training_checks": N_("Knowledge checks without a post-test"),
    "training_satisfaction": N_("Satisfaction"),
    "training_satisfaction_note": N_("The room's scales and polls, used as the satisfaction survey."),
    "training_hint_satisfaction": N_("add the satisfaction survey's results (a scale or a poll run at the end of the "
                                     "workshop)."),
    "training_observations": N_("Facilitator's observations"),
    "training_hint_observations": N_("what the facilitator saw: participation, what was hard, what worked, what to "
                                     "change next time."),
    "training_follow_up": N_("Follow-up of the self-assessment"),
    "training_follow_up_note": N_("Scores on the 1–4 scale of the organisations' self-assessment (consensus level "
                                  "where agreed, else the respondents' mean), for the organisations assessed twice."),
    "training_domain": N_("Domain"),
    "training_round_initial": N_("Initial"),
    "training_round_suivi": N_("Follow-up"),
    "training_change_levels": N_("Change"),
    "training_follow_up_pending": N_("The organisations' self-assessment is compared here, initial round against "
                                     "follow-up, once the event holds both rounds."),
}
