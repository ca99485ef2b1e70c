//! The domain: frameworks, scans, answers and progress. Plain data and pure
//! functions only: no terminal, no files. Everything a screen, a report or a
//! verdict needs is computed here, once.

pub mod agenda;
pub mod compare;
pub mod conflict;
pub mod edit;
pub mod exact;
pub mod extra;
pub mod framework;
pub mod gate;
pub mod merge;
pub mod overview;
pub mod rule_check;
pub mod scan;
pub mod scoring;
pub mod search;
pub mod timebox;

pub use agenda::{ActionStatus, AgendaAction, AgendaSort, Ambition};
pub use exact::{Exact, shown_against};
pub use extra::Extra;
pub use framework::{
    AgreementLevelDef, AnswerScale, Criterion, CriterionRef, Framework, Perspective, ScaleLevel,
    SpecialAnswerDef, Theme, Weighting, WeightingExtra,
};
pub use rule_check::{RuleFlaw, rule_flaws};
pub use scan::{
    Agreement, Answer, CriterionAnswer, CriterionStatus, Participant, PerspectiveAnswer, Progress,
    Scan, ScanMeta, VerdictOverride,
};
pub use scoring::{
    AttentionPoint, AttentionReason, CountingScore, CriterionResult, Evaluation, OverrideOutcome,
    PerspectiveMean, PerspectiveScore, Reason, ScoreSource, ThemeResult, Verdict, apply_override,
    counting_score, evaluate,
};
