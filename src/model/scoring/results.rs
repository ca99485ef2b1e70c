//! What evaluating a scan gives: the verdict and its reasons, the results per
//! criterion and theme, the points of attention, and an override of the
//! verdict. Plain data; [`super::evaluate`] makes it.

use crate::model::exact::Exact;
use crate::model::scan::{Agreement, Answer, Progress, VerdictOverride};

/// The three verdict levels, ordered from weakest to strongest, so that
/// `Verdict::FollowUp < Verdict::Robust`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// *Vervolgtraject*: the region needs a follow-up trajectory.
    FollowUp,
    /// *Robuust met aandachtspunten*.
    RobustWithAttention,
    /// *Robuust*.
    Robust,
}

impl Verdict {
    /// All levels, weakest first.
    pub const ALL: [Verdict; 3] = [
        Verdict::FollowUp,
        Verdict::RobustWithAttention,
        Verdict::Robust,
    ];

    /// The next stronger level, if there is one (for a facilitator override).
    pub fn one_level_up(self) -> Option<Self> {
        match self {
            Verdict::FollowUp => Some(Verdict::RobustWithAttention),
            Verdict::RobustWithAttention => Some(Verdict::Robust),
            Verdict::Robust => None,
        }
    }

    /// The next weaker level, if there is one (for a facilitator override).
    pub fn one_level_down(self) -> Option<Self> {
        match self {
            Verdict::FollowUp => None,
            Verdict::RobustWithAttention => Some(Verdict::FollowUp),
            Verdict::Robust => Some(Verdict::RobustWithAttention),
        }
    }

    /// The key used in files.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::FollowUp => "vervolgtraject",
            Verdict::RobustWithAttention => "robuust_met_aandachtspunten",
            Verdict::Robust => "robuust",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|verdict| verdict.key() == key)
    }
}

/// Where a criterion's counting score comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScoreSource {
    /// The consensus answer.
    Consensus,
    /// No consensus: the lowest perspective score counts. When several
    /// perspectives share the lowest score, the first in framework order is named.
    LowestPerspective { perspective_id: String },
    /// No consensus and no perspective gave a score, so the consensus answer counts.
    ConsensusFallback,
}

/// The score that counts for a criterion, and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountingScore {
    pub score: u8,
    pub source: ScoreSource,
}

/// One perspective's score on a criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerspectiveScore {
    pub perspective_id: String,
    pub score: u8,
}

/// The scoring of one criterion.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionResult {
    pub criterion_id: String,
    pub theme_id: String,
    pub critical: bool,
    /// As [`CriterionAnswer::is_answered`].
    pub answered: bool,
    pub consensus: Option<Answer>,
    pub agreement: Option<Agreement>,
    /// One entry per framework perspective, in framework order: that
    /// perspective's score, if it gave one (not onbekend, not n.v.t.).
    pub perspective_scores: Vec<Option<u8>>,
    /// `None` when nothing counts: onbekend, n.v.t. or not answered.
    pub counting: Option<CountingScore>,
}

impl CriterionResult {
    pub fn counting_score(&self) -> Option<u8> {
        self.counting.as_ref().map(|counting| counting.score)
    }
}

/// One perspective's mean over the criteria of a theme it scored.
#[derive(Debug, Clone, PartialEq)]
pub struct PerspectiveMean {
    pub perspective_id: String,
    /// `None` when this perspective scored no criterion of the theme.
    pub mean: Option<f64>,
    /// How many criteria this perspective scored in the theme.
    pub scored: usize,
}

/// The scoring of one theme.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeResult {
    pub theme_id: String,
    /// The weight as an `f64`, for drawing; see `weight_exact`.
    pub weight: f64,
    /// The weight exactly as the framework wrote it.
    pub weight_exact: Exact,
    pub core: bool,
    /// The mean of the counting scores, for drawing; `None` when no criterion
    /// counted. The verdict uses `score_exact`.
    pub score: Option<f64>,
    /// The mean of the counting scores, exactly.
    pub score_exact: Option<Exact>,
    /// How many criteria have a counting score.
    pub scored: usize,
    /// How many criteria the theme has.
    pub criteria: usize,
    /// How many criteria have the consensus answer "onbekend".
    pub unknown: usize,
    /// Per framework perspective, in framework order; for a chart next to `score`.
    pub perspective_means: Vec<PerspectiveMean>,
}

/// Why the verdict is what it is. Which reasons appear depends on the verdict:
///
/// - [`Verdict::FollowUp`]: every follow-up rule that fired
///   ([`TotalBelow`](Reason::TotalBelow), [`CoreThemeBelow`](Reason::CoreThemeBelow),
///   [`CriticalCriterionAtMost`](Reason::CriticalCriterionAtMost)), with the
///   follow-up thresholds.
/// - [`Verdict::Robust`]: every robust condition, as met
///   ([`TotalAtLeast`](Reason::TotalAtLeast), one
///   [`CoreThemeAtLeast`](Reason::CoreThemeAtLeast) per core theme,
///   [`EveryCriterionAbove`](Reason::EveryCriterionAbove), one
///   [`CriticalCriterionAtLeast`](Reason::CriticalCriterionAtLeast) per critical criterion).
/// - [`Verdict::RobustWithAttention`]: every robust condition that failed,
///   with the robust thresholds; or only [`NothingScored`](Reason::NothingScored).
///
/// Order: total, core themes in theme order, criteria in walk order, critical
/// criteria in walk order.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// The total is below the threshold.
    TotalBelow { total: Exact, threshold: Exact },
    /// The total reaches the threshold.
    TotalAtLeast { total: Exact, threshold: Exact },
    /// Some criteria count, but no theme with a weight above 0 has a score.
    TotalMissing,
    /// A core theme's score is below the threshold.
    CoreThemeBelow {
        theme_id: String,
        score: Exact,
        threshold: Exact,
    },
    /// A core theme's score reaches the threshold.
    CoreThemeAtLeast {
        theme_id: String,
        score: Exact,
        threshold: Exact,
    },
    /// A core theme has no scored criterion; blocks robuust.
    CoreThemeUnscored { theme_id: String },
    /// A criterion's counting score is at or below the robust floor.
    CriterionAtMost {
        criterion_id: String,
        score: u8,
        threshold: u8,
    },
    /// Every counting score is above the robust floor; `lowest` is the lowest one.
    EveryCriterionAbove { lowest: u8, threshold: u8 },
    /// A critical criterion's counting score is at or below the follow-up threshold.
    CriticalCriterionAtMost {
        criterion_id: String,
        score: u8,
        threshold: u8,
    },
    /// A critical criterion's counting score is below what robuust needs.
    CriticalCriterionBelow {
        criterion_id: String,
        score: u8,
        threshold: u8,
    },
    /// A critical criterion's counting score reaches what robuust needs.
    CriticalCriterionAtLeast {
        criterion_id: String,
        score: u8,
        threshold: u8,
    },
    /// A critical criterion has no counting score; blocks robuust.
    CriticalCriterionUnscored { criterion_id: String },
    /// No criterion has a counting score: the verdict is provisional.
    NothingScored,
}

/// Why a criterion is a point of attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttentionReason {
    /// The counting score is at or below the attention threshold.
    LowScore { score: u8, threshold: u8 },
    /// The room recorded that there is no consensus.
    NoConsensus,
    /// The highest and the lowest perspective score differ by `gap` points,
    /// which is at least the framework's threshold. `first` and `second` are the
    /// two perspectives in framework order.
    PerspectiveGap {
        first: PerspectiveScore,
        second: PerspectiveScore,
        gap: u8,
    },
}

/// A generated point of attention (*aandachtspunt*).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttentionPoint {
    /// A criterion, with every reason that applies, in the order of [`AttentionReason`].
    Criterion {
        criterion_id: String,
        theme_id: String,
        reasons: Vec<AttentionReason>,
    },
    /// A theme where more than `share_above` of its criteria are "onbekend":
    /// `unknown * share_above.1 > criteria * share_above.0`.
    ThemeUnknownShare {
        theme_id: String,
        unknown: usize,
        criteria: usize,
        share_above: (u32, u32),
    },
}

/// Everything a screen or report needs to say about a scan's outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// Per criterion, in walk order.
    pub criteria: Vec<CriterionResult>,
    /// Per theme, in framework order.
    pub themes: Vec<ThemeResult>,
    /// The weighted mean of the theme scores, for drawing; `None` when no
    /// weighted theme has a score. The verdict uses `total_exact`.
    pub total: Option<f64>,
    /// The weighted mean of the theme scores, exactly.
    pub total_exact: Option<Exact>,
    /// The verdict the rule computed, before any override; the verdict that
    /// stands is [`Evaluation::verdict`].
    pub computed_verdict: Verdict,
    /// Why the verdict is what it is; see [`Reason`].
    pub reasons: Vec<Reason>,
    /// Theme by theme: the theme's own point first, then its criteria in walk order.
    pub attention: Vec<AttentionPoint>,
    pub progress: Progress,
    /// Ids of criteria without an answer (skipped ones included), in walk order.
    pub unanswered: Vec<String>,
    /// What the facilitator's override did, if the scan has one.
    pub override_outcome: Option<OverrideOutcome>,
}

/// The effect of a facilitator's override on the computed verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverrideOutcome {
    /// The verdict moved one level; the rationale says why.
    Applied { to: Verdict, rationale: String },
    /// The override names the verdict that was computed anyway.
    SameAsComputed { rationale: String },
    /// The answers changed since the override and it is now more than one
    /// level away; it is ignored until the facilitator sets it again.
    TooFar { wanted: Verdict, rationale: String },
}

/// Whether two verdicts are at most one level apart.
fn within_one_level(a: Verdict, b: Verdict) -> bool {
    a == b || a.one_level_up() == Some(b) || a.one_level_down() == Some(b)
}

/// What an override does to a computed verdict.
pub fn apply_override(computed: Verdict, over: &VerdictOverride) -> OverrideOutcome {
    let rationale = over.rationale.clone();
    if over.verdict == computed {
        OverrideOutcome::SameAsComputed { rationale }
    } else if within_one_level(computed, over.verdict) {
        OverrideOutcome::Applied {
            to: over.verdict,
            rationale,
        }
    } else {
        OverrideOutcome::TooFar {
            wanted: over.verdict,
            rationale,
        }
    }
}

impl Evaluation {
    /// The verdict as decided: the computed one, or the facilitator's override
    /// when it applies. Every screen, report and plain mode states this one.
    pub fn verdict(&self) -> Verdict {
        match &self.override_outcome {
            Some(OverrideOutcome::Applied { to, .. }) => *to,
            _ => self.computed_verdict,
        }
    }

    /// True when every criterion is answered.
    pub fn is_complete(&self) -> bool {
        self.unanswered.is_empty()
    }

    /// True when no criterion has a counting score, so the verdict says nothing.
    pub fn nothing_scored(&self) -> bool {
        self.criteria
            .iter()
            .all(|criterion| criterion.counting.is_none())
    }

    pub fn theme(&self, theme_id: &str) -> Option<&ThemeResult> {
        self.themes.iter().find(|theme| theme.theme_id == theme_id)
    }

    pub fn criterion(&self, criterion_id: &str) -> Option<&CriterionResult> {
        self.criteria
            .iter()
            .find(|criterion| criterion.criterion_id == criterion_id)
    }
}
