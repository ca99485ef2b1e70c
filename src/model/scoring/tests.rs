//! Tests for the weighting rule, on a framework built in code with the shape
//! and numbers of the bundled one (domain.md §5.2/§5.3).

use super::*;
use crate::model::Extra;
use crate::model::framework::{
    AgreementLevelDef, AnswerScale, Criterion, Perspective, ScaleLevel, SpecialAnswerDef, Theme,
};
use crate::model::scan::{PerspectiveAnswer, Progress, ScanMeta};

const EPSILON: f64 = 1e-9;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < EPSILON
}

fn close_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// Building frameworks and scans in code.

/// Themes and criteria of the bundled framework: (theme id, [(criterion id, critical)]).
const BUNDLED_SHAPE: &[(&str, &[(&str, bool)])] = &[
    ("T1", &[("VIS-1", true), ("VIS-2", false), ("VIS-3", false)]),
    (
        "T2",
        &[
            ("SAM-1", false),
            ("SAM-2", false),
            ("SAM-3", false),
            ("SAM-4", false),
        ],
    ),
    (
        "T3",
        &[
            ("STR-1", true),
            ("STR-2", false),
            ("STR-3", false),
            ("STR-4", false),
        ],
    ),
    (
        "T4",
        &[
            ("INK-1", false),
            ("INK-2", false),
            ("INK-3", false),
            ("INK-4", false),
        ],
    ),
    (
        "T5",
        &[
            ("SCH-1", false),
            ("SCH-2", true),
            ("SCH-3", false),
            ("SCH-4", false),
        ],
    ),
    (
        "T6",
        &[("LER-1", false), ("LER-2", false), ("LER-3", false)],
    ),
];

fn framework_with(shape: &[(&str, &[(&str, bool)])], weighting: Weighting) -> Framework {
    let special = |label: &str| SpecialAnswerDef {
        label: label.to_owned(),
        meaning: String::new(),
        extra: Extra::default(),
    };
    Framework {
        id: "test".to_owned(),
        title: "Test".to_owned(),
        version: "1".to_owned(),
        language: "nl".to_owned(),
        description: String::new(),
        scale: AnswerScale {
            levels: (1..=4)
                .map(|value| ScaleLevel {
                    value,
                    label: value.to_string(),
                    meaning: String::new(),
                    extra: Extra::default(),
                })
                .collect(),
            unknown: special("Onbekend"),
            not_applicable: special("N.v.t."),
            extra: Extra::default(),
        },
        perspectives: ["gemeenten", "aanbieders"]
            .into_iter()
            .map(|id| Perspective {
                id: id.to_owned(),
                label: id.to_owned(),
                extra: Extra::default(),
            })
            .collect(),
        agreement_levels: Agreement::ALL
            .into_iter()
            .map(|level| AgreementLevelDef {
                level,
                label: level.key().to_owned(),
                meaning: String::new(),
                extra: Extra::default(),
            })
            .collect(),
        themes: shape
            .iter()
            .map(|(theme_id, criteria)| Theme {
                id: (*theme_id).to_owned(),
                title: (*theme_id).to_owned(),
                description: String::new(),
                minutes: None,
                criteria: criteria
                    .iter()
                    .map(|(criterion_id, critical)| Criterion {
                        id: (*criterion_id).to_owned(),
                        title: (*criterion_id).to_owned(),
                        description: String::new(),
                        questions: Vec::new(),
                        critical: *critical,
                        minutes: None,
                        extra: Extra::default(),
                    })
                    .collect(),
                extra: Extra::default(),
            })
            .collect(),
        weighting,
        extra: Extra::default(),
        index: Default::default(),
    }
}

/// The weighting of the bundled framework file: T1–T5 core, T6 weighs 0.5.
fn bundled_weighting() -> Weighting {
    Weighting {
        theme_weights: ["T1", "T2", "T3", "T4", "T5"]
            .into_iter()
            .map(|id| (id.to_owned(), 1.0))
            .chain([("T6".to_owned(), 0.5)])
            .collect(),
        core_themes: ["T1", "T2", "T3", "T4", "T5"]
            .into_iter()
            .map(str::to_owned)
            .collect(),
        ..Weighting::default()
    }
}

fn bundled_framework() -> Framework {
    framework_with(BUNDLED_SHAPE, bundled_weighting())
}

fn meta() -> ScanMeta {
    ScanMeta {
        region: "Testregio".to_owned(),
        date: jiff::civil::date(2026, 3, 1),
        facilitator: String::new(),
        note_taker: String::new(),
        participants: Vec::new(),
    }
}

/// A scan that starts with every criterion open.
struct ScanBuilder(Scan);

impl ScanBuilder {
    fn new(framework: Framework) -> Self {
        Self(Scan::new(meta(), framework))
    }

    fn bundled() -> Self {
        Self::new(bundled_framework())
    }

    /// The same answer for every criterion.
    fn all(mut self, answer: &CriterionAnswer) -> Self {
        for slot in &mut self.0.answers {
            *slot = answer.clone();
        }
        self
    }

    /// Answers for a criterion, by id.
    fn set(mut self, criterion_id: &str, answer: CriterionAnswer) -> Self {
        let index = self
            .0
            .framework
            .criterion_index(criterion_id)
            .unwrap_or_else(|| panic!("no criterion {criterion_id}"));
        self.0.answers[index] = answer;
        self
    }

    /// Consensus scores for several criteria at once.
    fn scores(mut self, scores: &[(&str, u8)]) -> Self {
        for &(criterion_id, score) in scores {
            self = self.set(criterion_id, agreed(score));
        }
        self
    }

    fn build(self) -> Scan {
        self.0
    }
}

fn views(gemeenten: Option<Answer>, aanbieders: Option<Answer>) -> Vec<PerspectiveAnswer> {
    [gemeenten, aanbieders]
        .into_iter()
        .map(|score| PerspectiveAnswer {
            score,
            ..PerspectiveAnswer::default()
        })
        .collect()
}

/// A consensus answer on which both perspectives gave the same score.
fn agreed(score: u8) -> CriterionAnswer {
    CriterionAnswer {
        perspectives: views(Some(Answer::Score(score)), Some(Answer::Score(score))),
        consensus: Some(Answer::Score(score)),
        agreement: Some(Agreement::Consensus),
        ..CriterionAnswer::default()
    }
}

/// A consensus answer with the perspectives' own scores.
fn agreed_with_views(score: u8, gemeenten: u8, aanbieders: u8) -> CriterionAnswer {
    CriterionAnswer {
        perspectives: views(
            Some(Answer::Score(gemeenten)),
            Some(Answer::Score(aanbieders)),
        ),
        ..agreed(score)
    }
}

/// A consensus on an answer that is not a score (onbekend or n.v.t.).
fn agreed_special(answer: Answer) -> CriterionAnswer {
    CriterionAnswer {
        perspectives: views(Some(answer), Some(answer)),
        consensus: Some(answer),
        agreement: Some(Agreement::Consensus),
        ..CriterionAnswer::default()
    }
}

fn unknown() -> CriterionAnswer {
    agreed_special(Answer::Unknown)
}

fn not_applicable() -> CriterionAnswer {
    agreed_special(Answer::NotApplicable)
}

/// Geen consensus, with what each perspective said and an optional consensus answer.
fn no_consensus(
    gemeenten: Option<Answer>,
    aanbieders: Option<Answer>,
    consensus: Option<Answer>,
) -> CriterionAnswer {
    CriterionAnswer {
        perspectives: views(gemeenten, aanbieders),
        consensus,
        agreement: Some(Agreement::NoConsensus),
        ..CriterionAnswer::default()
    }
}

fn s(score: u8) -> Option<Answer> {
    Some(Answer::Score(score))
}

// Reason builders, to keep the table short.

/// A number for a reason in the table; compared with [`close`].
fn x(value: f64) -> Exact {
    Exact::from_decimal_f64(value)
}

fn total_below(total: f64, threshold: f64) -> Reason {
    Reason::TotalBelow {
        total: x(total),
        threshold: x(threshold),
    }
}

fn total_at_least(total: f64) -> Reason {
    Reason::TotalAtLeast {
        total: x(total),
        threshold: x(3.0),
    }
}

fn core_below(theme_id: &str, score: f64, threshold: f64) -> Reason {
    Reason::CoreThemeBelow {
        theme_id: theme_id.to_owned(),
        score: x(score),
        threshold: x(threshold),
    }
}

fn core_at_least(theme_id: &str, score: f64) -> Reason {
    Reason::CoreThemeAtLeast {
        theme_id: theme_id.to_owned(),
        score: x(score),
        threshold: x(2.5),
    }
}

fn critical_at_least(criterion_id: &str, score: u8) -> Reason {
    Reason::CriticalCriterionAtLeast {
        criterion_id: criterion_id.to_owned(),
        score,
        threshold: 3,
    }
}

/// Every robust condition met, in order, when every core theme scores `theme_score`,
/// the lowest counting score is `lowest` and every critical criterion scores `critical`.
fn robust_reasons_uniform(total: f64, theme_score: f64, lowest: u8, critical: u8) -> Vec<Reason> {
    let mut reasons = vec![total_at_least(total)];
    reasons.extend(
        ["T1", "T2", "T3", "T4", "T5"]
            .into_iter()
            .map(|theme_id| core_at_least(theme_id, theme_score)),
    );
    reasons.push(Reason::EveryCriterionAbove {
        lowest,
        threshold: 1,
    });
    reasons.extend(
        ["VIS-1", "STR-1", "SCH-2"]
            .into_iter()
            .map(|criterion_id| critical_at_least(criterion_id, critical)),
    );
    reasons
}

/// Reasons compare with a tolerance on their floating-point numbers.
fn same_reason(actual: &Reason, expected: &Reason) -> bool {
    use Reason::{CoreThemeAtLeast, CoreThemeBelow, TotalAtLeast, TotalBelow};
    match (actual, expected) {
        (
            TotalBelow { total, threshold },
            TotalBelow {
                total: expected_total,
                threshold: expected_threshold,
            },
        )
        | (
            TotalAtLeast { total, threshold },
            TotalAtLeast {
                total: expected_total,
                threshold: expected_threshold,
            },
        ) => {
            close(total.to_f64(), expected_total.to_f64())
                && close(threshold.to_f64(), expected_threshold.to_f64())
        }
        (
            CoreThemeBelow {
                theme_id,
                score,
                threshold,
            },
            CoreThemeBelow {
                theme_id: expected_id,
                score: expected_score,
                threshold: expected_threshold,
            },
        )
        | (
            CoreThemeAtLeast {
                theme_id,
                score,
                threshold,
            },
            CoreThemeAtLeast {
                theme_id: expected_id,
                score: expected_score,
                threshold: expected_threshold,
            },
        ) => {
            theme_id == expected_id
                && close(score.to_f64(), expected_score.to_f64())
                && close(threshold.to_f64(), expected_threshold.to_f64())
        }
        _ => actual == expected,
    }
}

fn assert_reasons(case: &str, actual: &[Reason], expected: &[Reason]) {
    assert!(
        actual.len() == expected.len()
            && actual
                .iter()
                .zip(expected)
                .all(|(actual, expected)| same_reason(actual, expected)),
        "{case}: reasons\n  actual:   {actual:?}\n  expected: {expected:?}"
    );
}

// ---------------------------------------------------------------------------
// The verdict table.

struct Case {
    name: &'static str,
    scan: Scan,
    verdict: Verdict,
    /// All reasons, in order.
    reasons: Vec<Reason>,
    /// Scores of T1..T6.
    themes: [Option<f64>; 6],
    total: Option<f64>,
}

/// The weighted total of the six bundled theme scores: T1–T5 weigh 1.0, T6 0.5.
fn bundled_total(themes: [f64; 6]) -> f64 {
    (themes[..5].iter().sum::<f64>() + 0.5 * themes[5]) / 5.5
}

#[allow(clippy::too_many_lines)] // one table, read top to bottom
fn verdict_cases() -> Vec<Case> {
    let all_fours = || ScanBuilder::bundled().all(&agreed(4));
    // Every theme exactly 2.5, critical criteria at 3, no criterion at 1.
    let every_theme_two_and_a_half = || {
        ScanBuilder::bundled()
            .scores(&[("VIS-1", 3), ("VIS-3", 2)])
            .set("VIS-2", not_applicable())
            .scores(&[("SAM-1", 2), ("SAM-2", 3), ("SAM-3", 2), ("SAM-4", 3)])
            .scores(&[("STR-1", 3), ("STR-2", 2), ("STR-3", 2), ("STR-4", 3)])
            .scores(&[("INK-1", 2), ("INK-2", 3), ("INK-3", 2), ("INK-4", 3)])
            .scores(&[("SCH-1", 2), ("SCH-2", 3), ("SCH-3", 2), ("SCH-4", 3)])
            .scores(&[("LER-1", 2), ("LER-2", 3)])
            .set("LER-3", not_applicable())
    };
    let fours_t6_two = [4.0, 4.0, 4.0, 4.0, 4.0, 2.0];

    vec![
        Case {
            name: "all 4s: robuust",
            scan: all_fours().build(),
            verdict: Verdict::Robust,
            reasons: robust_reasons_uniform(4.0, 4.0, 4, 4),
            themes: [Some(4.0); 6],
            total: Some(4.0),
        },
        Case {
            name: "total exactly 2.5: not vervolgtraject, not robuust",
            scan: every_theme_two_and_a_half().build(),
            verdict: Verdict::RobustWithAttention,
            reasons: vec![total_below(2.5, 3.0)],
            themes: [Some(2.5); 6],
            total: Some(2.5),
        },
        Case {
            name: "total just below 2.5: vervolgtraject",
            scan: every_theme_two_and_a_half().set("LER-2", agreed(2)).build(),
            verdict: Verdict::FollowUp,
            reasons: vec![total_below(
                bundled_total([2.5, 2.5, 2.5, 2.5, 2.5, 2.0]),
                2.5,
            )],
            themes: [
                Some(2.5),
                Some(2.5),
                Some(2.5),
                Some(2.5),
                Some(2.5),
                Some(2.0),
            ],
            total: Some(bundled_total([2.5, 2.5, 2.5, 2.5, 2.5, 2.0])),
        },
        Case {
            name: "total 2.5 that floating point makes 2.4999999999999996: not vervolgtraject",
            // Theme scores 2, 2, 8/3, 8/3, 8/3 and 7/2 (T6): exactly 2.5 on paper,
            // a hair below in f64, so only the tolerance keeps this out of vervolgtraject.
            scan: ScanBuilder::bundled()
                .scores(&[("VIS-1", 2), ("VIS-2", 2), ("VIS-3", 2)])
                .scores(&[("SAM-1", 2), ("SAM-2", 2), ("SAM-3", 2), ("SAM-4", 2)])
                .scores(&[("STR-1", 4), ("STR-2", 2), ("STR-3", 2)])
                .set("STR-4", not_applicable())
                .scores(&[("INK-1", 2), ("INK-2", 2), ("INK-3", 4)])
                .set("INK-4", not_applicable())
                .scores(&[("SCH-1", 2), ("SCH-2", 4), ("SCH-3", 2)])
                .set("SCH-4", not_applicable())
                .scores(&[("LER-1", 3), ("LER-2", 4)])
                .set("LER-3", not_applicable())
                .build(),
            verdict: Verdict::RobustWithAttention,
            reasons: vec![
                total_below(2.5, 3.0),
                core_below("T1", 2.0, 2.5),
                core_below("T2", 2.0, 2.5),
                Reason::CriticalCriterionBelow {
                    criterion_id: "VIS-1".to_owned(),
                    score: 2,
                    threshold: 3,
                },
            ],
            themes: [
                Some(2.0),
                Some(2.0),
                Some(8.0 / 3.0),
                Some(8.0 / 3.0),
                Some(8.0 / 3.0),
                Some(3.5),
            ],
            total: Some(2.5),
        },
        Case {
            name: "total exactly 3.0: robuust",
            scan: ScanBuilder::bundled().all(&agreed(3)).build(),
            verdict: Verdict::Robust,
            reasons: robust_reasons_uniform(3.0, 3.0, 3, 3),
            themes: [Some(3.0); 6],
            total: Some(3.0),
        },
        Case {
            name: "total just below 3.0: robuust met aandachtspunten",
            scan: ScanBuilder::bundled()
                .all(&agreed(3))
                .set("SAM-1", agreed(2))
                .build(),
            verdict: Verdict::RobustWithAttention,
            reasons: vec![total_below(
                bundled_total([3.0, 2.75, 3.0, 3.0, 3.0, 3.0]),
                3.0,
            )],
            themes: [
                Some(3.0),
                Some(2.75),
                Some(3.0),
                Some(3.0),
                Some(3.0),
                Some(3.0),
            ],
            total: Some(bundled_total([3.0, 2.75, 3.0, 3.0, 3.0, 3.0])),
        },
        Case {
            name: "core theme exactly 2.5: still robuust",
            scan: all_fours()
                .scores(&[("SAM-1", 2), ("SAM-2", 3), ("SAM-3", 2), ("SAM-4", 3)])
                .build(),
            verdict: Verdict::Robust,
            reasons: {
                let mut reasons = robust_reasons_uniform(
                    bundled_total([4.0, 2.5, 4.0, 4.0, 4.0, 4.0]),
                    4.0,
                    2,
                    4,
                );
                reasons[2] = core_at_least("T2", 2.5);
                reasons
            },
            themes: [
                Some(4.0),
                Some(2.5),
                Some(4.0),
                Some(4.0),
                Some(4.0),
                Some(4.0),
            ],
            total: Some(bundled_total([4.0, 2.5, 4.0, 4.0, 4.0, 4.0])),
        },
        Case {
            name: "core theme just below 2.5: not robuust",
            scan: all_fours()
                .scores(&[("SAM-1", 2), ("SAM-2", 3), ("SAM-3", 2), ("SAM-4", 2)])
                .build(),
            verdict: Verdict::RobustWithAttention,
            reasons: vec![core_below("T2", 2.25, 2.5)],
            themes: [
                Some(4.0),
                Some(2.25),
                Some(4.0),
                Some(4.0),
                Some(4.0),
                Some(4.0),
            ],
            total: Some(bundled_total([4.0, 2.25, 4.0, 4.0, 4.0, 4.0])),
        },
        Case {
            name: "core theme exactly 2.0: not vervolgtraject",
            scan: all_fours()
                .scores(&[("SAM-1", 2), ("SAM-2", 2), ("SAM-3", 2), ("SAM-4", 2)])
                .build(),
            verdict: Verdict::RobustWithAttention,
            reasons: vec![core_below("T2", 2.0, 2.5)],
            themes: [
                Some(4.0),
                Some(2.0),
                Some(4.0),
                Some(4.0),
                Some(4.0),
                Some(4.0),
            ],
            total: Some(bundled_total([4.0, 2.0, 4.0, 4.0, 4.0, 4.0])),
        },
        Case {
            name: "core theme just below 2.0: vervolgtraject despite a high total",
            scan: all_fours()
                .scores(&[("SAM-1", 2), ("SAM-2", 2), ("SAM-3", 2), ("SAM-4", 1)])
                .build(),
            verdict: Verdict::FollowUp,
            reasons: vec![core_below("T2", 1.75, 2.0)],
            themes: [
                Some(4.0),
                Some(1.75),
                Some(4.0),
                Some(4.0),
                Some(4.0),
                Some(4.0),
            ],
            total: Some(bundled_total([4.0, 1.75, 4.0, 4.0, 4.0, 4.0])),
        },
        Case {
            name: "critical criterion scoring 1: vervolgtraject despite a high total",
            scan: all_fours().set("VIS-1", agreed(1)).build(),
            verdict: Verdict::FollowUp,
            reasons: vec![Reason::CriticalCriterionAtMost {
                criterion_id: "VIS-1".to_owned(),
                score: 1,
                threshold: 1,
            }],
            themes: [
                Some(3.0),
                Some(4.0),
                Some(4.0),
                Some(4.0),
                Some(4.0),
                Some(4.0),
            ],
            total: Some(bundled_total([3.0, 4.0, 4.0, 4.0, 4.0, 4.0])),
        },
        Case {
            name: "critical criterion at 2 blocks robuust",
            scan: all_fours().set("STR-1", agreed(2)).build(),
            verdict: Verdict::RobustWithAttention,
            reasons: vec![Reason::CriticalCriterionBelow {
                criterion_id: "STR-1".to_owned(),
                score: 2,
                threshold: 3,
            }],
            themes: [
                Some(4.0),
                Some(4.0),
                Some(3.5),
                Some(4.0),
                Some(4.0),
                Some(4.0),
            ],
            total: Some(bundled_total([4.0, 4.0, 3.5, 4.0, 4.0, 4.0])),
        },
        Case {
            name: "any criterion scoring 1 blocks robuust",
            scan: all_fours().set("INK-3", agreed(1)).build(),
            verdict: Verdict::RobustWithAttention,
            reasons: vec![Reason::CriterionAtMost {
                criterion_id: "INK-3".to_owned(),
                score: 1,
                threshold: 1,
            }],
            themes: [
                Some(4.0),
                Some(4.0),
                Some(4.0),
                Some(3.25),
                Some(4.0),
                Some(4.0),
            ],
            total: Some(bundled_total([4.0, 4.0, 4.0, 3.25, 4.0, 4.0])),
        },
        Case {
            name: "geen consensus counts the lowest perspective score",
            // The room wrote down 4, but without consensus the aanbieders' 1 counts.
            scan: all_fours()
                .set("SAM-2", no_consensus(s(3), s(1), s(4)))
                .build(),
            verdict: Verdict::RobustWithAttention,
            reasons: vec![Reason::CriterionAtMost {
                criterion_id: "SAM-2".to_owned(),
                score: 1,
                threshold: 1,
            }],
            themes: [
                Some(4.0),
                Some(3.25),
                Some(4.0),
                Some(4.0),
                Some(4.0),
                Some(4.0),
            ],
            total: Some(bundled_total([4.0, 3.25, 4.0, 4.0, 4.0, 4.0])),
        },
        Case {
            name: "geen consensus on a critical criterion: lowest score 1 means vervolgtraject",
            scan: all_fours()
                .set("SCH-2", no_consensus(s(1), s(4), None))
                .build(),
            verdict: Verdict::FollowUp,
            reasons: vec![Reason::CriticalCriterionAtMost {
                criterion_id: "SCH-2".to_owned(),
                score: 1,
                threshold: 1,
            }],
            themes: [
                Some(4.0),
                Some(4.0),
                Some(4.0),
                Some(4.0),
                Some(3.25),
                Some(4.0),
            ],
            total: Some(bundled_total([4.0, 4.0, 4.0, 4.0, 3.25, 4.0])),
        },
        Case {
            name: "T6 weighs 0.5 in the total",
            scan: all_fours()
                .scores(&[("LER-1", 2), ("LER-2", 2), ("LER-3", 2)])
                .build(),
            verdict: Verdict::Robust,
            reasons: robust_reasons_uniform(21.0 / 5.5, 4.0, 2, 4),
            themes: fours_t6_two.map(Some),
            // (5 * 4.0 + 0.5 * 2.0) / 5.5, not the unweighted 22 / 6.
            total: Some(21.0 / 5.5),
        },
        Case {
            name: "core theme without a scored criterion blocks robuust",
            scan: all_fours()
                .set("INK-1", not_applicable())
                .set("INK-2", unknown())
                .set("INK-3", not_applicable())
                .set("INK-4", CriterionAnswer::empty(2))
                .build(),
            verdict: Verdict::RobustWithAttention,
            reasons: vec![Reason::CoreThemeUnscored {
                theme_id: "T4".to_owned(),
            }],
            themes: [Some(4.0), Some(4.0), Some(4.0), None, Some(4.0), Some(4.0)],
            total: Some(4.0),
        },
        Case {
            name: "unscored critical criterion blocks robuust but is no vervolgtraject",
            scan: all_fours().set("SCH-2", not_applicable()).build(),
            verdict: Verdict::RobustWithAttention,
            reasons: vec![Reason::CriticalCriterionUnscored {
                criterion_id: "SCH-2".to_owned(),
            }],
            themes: [Some(4.0); 6],
            total: Some(4.0),
        },
        Case {
            name: "n.v.t. does not count in the theme mean",
            // T1 = (4 + 2) / 2 = 3.0, not (4 + 0 + 2) / 3.
            scan: all_fours()
                .set("VIS-2", not_applicable())
                .set("VIS-3", agreed(2))
                .build(),
            verdict: Verdict::Robust,
            reasons: {
                let total = bundled_total([3.0, 4.0, 4.0, 4.0, 4.0, 4.0]);
                let mut reasons = robust_reasons_uniform(total, 4.0, 2, 4);
                reasons[1] = core_at_least("T1", 3.0);
                reasons
            },
            themes: [
                Some(3.0),
                Some(4.0),
                Some(4.0),
                Some(4.0),
                Some(4.0),
                Some(4.0),
            ],
            total: Some(bundled_total([3.0, 4.0, 4.0, 4.0, 4.0, 4.0])),
        },
        Case {
            name: "everything onbekend: nothing scored",
            scan: ScanBuilder::bundled().all(&unknown()).build(),
            verdict: Verdict::RobustWithAttention,
            reasons: vec![Reason::NothingScored],
            themes: [None; 6],
            total: None,
        },
        Case {
            name: "nothing answered: nothing scored",
            scan: ScanBuilder::bundled().build(),
            verdict: Verdict::RobustWithAttention,
            reasons: vec![Reason::NothingScored],
            themes: [None; 6],
            total: None,
        },
        Case {
            name: "all 1s: every vervolgtraject rule fires, in order",
            scan: ScanBuilder::bundled().all(&agreed(1)).build(),
            verdict: Verdict::FollowUp,
            reasons: {
                let mut reasons = vec![total_below(1.0, 2.5)];
                reasons.extend(
                    ["T1", "T2", "T3", "T4", "T5"]
                        .into_iter()
                        .map(|theme_id| core_below(theme_id, 1.0, 2.0)),
                );
                reasons.extend(["VIS-1", "STR-1", "SCH-2"].into_iter().map(|criterion_id| {
                    Reason::CriticalCriterionAtMost {
                        criterion_id: criterion_id.to_owned(),
                        score: 1,
                        threshold: 1,
                    }
                }));
                reasons
            },
            themes: [Some(1.0); 6],
            total: Some(1.0),
        },
        Case {
            name: "several robust conditions fail: all are listed, in order",
            scan: all_fours()
                .scores(&[("SAM-1", 2), ("SAM-2", 2), ("SAM-3", 2), ("SAM-4", 1)])
                .set("SAM-4", agreed(3))
                .set("VIS-1", agreed(2))
                .set("LER-1", agreed(1))
                .set("SCH-2", unknown())
                .build(),
            verdict: Verdict::RobustWithAttention,
            reasons: vec![
                core_below("T2", 2.25, 2.5),
                Reason::CriterionAtMost {
                    criterion_id: "LER-1".to_owned(),
                    score: 1,
                    threshold: 1,
                },
                Reason::CriticalCriterionBelow {
                    criterion_id: "VIS-1".to_owned(),
                    score: 2,
                    threshold: 3,
                },
                Reason::CriticalCriterionUnscored {
                    criterion_id: "SCH-2".to_owned(),
                },
            ],
            themes: [
                Some(10.0 / 3.0),
                Some(2.25),
                Some(4.0),
                Some(4.0),
                Some(4.0),
                Some(3.0),
            ],
            total: Some(bundled_total([10.0 / 3.0, 2.25, 4.0, 4.0, 4.0, 3.0])),
        },
    ]
}

#[test]
fn verdict_table() {
    for case in verdict_cases() {
        let evaluation = evaluate(&case.scan);
        assert_eq!(
            evaluation.computed_verdict, case.verdict,
            "{}: verdict",
            case.name
        );
        assert_reasons(case.name, &evaluation.reasons, &case.reasons);
        let themes: Vec<Option<f64>> = evaluation.themes.iter().map(|t| t.score).collect();
        assert!(
            themes
                .iter()
                .zip(case.themes)
                .all(|(&actual, expected)| close_opt(actual, expected))
                && themes.len() == case.themes.len(),
            "{}: theme scores {themes:?}, expected {:?}",
            case.name,
            case.themes
        );
        assert!(
            close_opt(evaluation.total, case.total),
            "{}: total {:?}, expected {:?}",
            case.name,
            evaluation.total,
            case.total
        );
    }
}

// ---------------------------------------------------------------------------
// Counting scores.

/// (name, answer, expected counting score and its source)
type CountingCase = (&'static str, CriterionAnswer, Option<(u8, ScoreSource)>);

#[test]
fn counting_score_table() {
    let framework = bundled_framework();
    let gemeenten = || ScoreSource::LowestPerspective {
        perspective_id: "gemeenten".to_owned(),
    };
    let aanbieders = || ScoreSource::LowestPerspective {
        perspective_id: "aanbieders".to_owned(),
    };
    let cases: Vec<CountingCase> = vec![
        ("consensus", agreed(3), Some((3, ScoreSource::Consensus))),
        (
            "consensus ignores a perspective's lower score",
            agreed_with_views(3, 1, 4),
            Some((3, ScoreSource::Consensus)),
        ),
        (
            "voorbehoud counts like consensus",
            CriterionAnswer {
                agreement: Some(Agreement::WithReservation),
                ..agreed(2)
            },
            Some((2, ScoreSource::Consensus)),
        ),
        (
            "a consensus answer without an agreement level counts",
            CriterionAnswer {
                agreement: None,
                ..agreed(2)
            },
            Some((2, ScoreSource::Consensus)),
        ),
        ("onbekend", unknown(), None),
        ("n.v.t.", not_applicable(), None),
        ("open", CriterionAnswer::empty(2), None),
        (
            "only perspective scores, no conclusion",
            CriterionAnswer {
                perspectives: views(s(3), s(2)),
                ..CriterionAnswer::default()
            },
            None,
        ),
        (
            "geen consensus: the lower of two",
            no_consensus(s(2), s(4), None),
            Some((2, gemeenten())),
        ),
        (
            "geen consensus: lower than the recorded consensus",
            no_consensus(s(4), s(3), s(4)),
            Some((3, aanbieders())),
        ),
        (
            "geen consensus: a tie names the first perspective",
            no_consensus(s(2), s(2), None),
            Some((2, gemeenten())),
        ),
        (
            "geen consensus: onbekend perspective is skipped",
            no_consensus(Some(Answer::Unknown), s(3), None),
            Some((3, aanbieders())),
        ),
        (
            "geen consensus: no perspective score falls back to consensus",
            no_consensus(Some(Answer::Unknown), Some(Answer::NotApplicable), s(2)),
            Some((2, ScoreSource::ConsensusFallback)),
        ),
        (
            "geen consensus: nothing scored at all",
            no_consensus(Some(Answer::Unknown), None, Some(Answer::Unknown)),
            None,
        ),
    ];
    for (name, answer, expected) in cases {
        let expected = expected.map(|(score, source)| CountingScore { score, source });
        assert_eq!(counting_score(&answer, &framework), expected, "{name}");
    }
}

// ---------------------------------------------------------------------------
// Points of attention.

fn criterion_point(
    criterion_id: &str,
    theme_id: &str,
    reasons: Vec<AttentionReason>,
) -> AttentionPoint {
    AttentionPoint::Criterion {
        criterion_id: criterion_id.to_owned(),
        theme_id: theme_id.to_owned(),
        reasons,
    }
}

fn gap(gemeenten: u8, aanbieders: u8) -> AttentionReason {
    AttentionReason::PerspectiveGap {
        first: PerspectiveScore {
            perspective_id: "gemeenten".to_owned(),
            score: gemeenten,
        },
        second: PerspectiveScore {
            perspective_id: "aanbieders".to_owned(),
            score: aanbieders,
        },
        gap: gemeenten.abs_diff(aanbieders),
    }
}

fn unknown_share(theme_id: &str, unknown: usize, criteria: usize) -> AttentionPoint {
    AttentionPoint::ThemeUnknownShare {
        theme_id: theme_id.to_owned(),
        unknown,
        criteria,
        share_above: (1, 3),
    }
}

#[allow(clippy::too_many_lines)] // one table, read top to bottom
#[test]
fn attention_table() {
    let all_fours = || ScanBuilder::bundled().all(&agreed(4));
    let low = |score| AttentionReason::LowScore {
        score,
        threshold: 2,
    };
    let cases: Vec<(&str, Scan, Vec<AttentionPoint>)> = vec![
        ("all 4s: nothing", all_fours().build(), vec![]),
        (
            "score 3 is no point, 2 is",
            all_fours()
                .set("VIS-2", agreed(3))
                .set("VIS-3", agreed(2))
                .build(),
            vec![criterion_point("VIS-3", "T1", vec![low(2)])],
        ),
        (
            "geen consensus: low lowest score, no consensus and a gap, in one point",
            all_fours()
                .set("SAM-2", no_consensus(s(3), s(1), None))
                .build(),
            vec![criterion_point(
                "SAM-2",
                "T2",
                vec![low(1), AttentionReason::NoConsensus, gap(3, 1)],
            )],
        ),
        (
            "geen consensus alone is a point",
            all_fours()
                .set("SAM-2", no_consensus(s(4), s(3), None))
                .build(),
            vec![criterion_point(
                "SAM-2",
                "T2",
                vec![AttentionReason::NoConsensus],
            )],
        ),
        (
            "perspective gap of exactly 2 is a point, 1 is not",
            all_fours()
                .set("STR-2", agreed_with_views(3, 4, 2))
                .set("STR-3", agreed_with_views(3, 3, 4))
                .set("STR-4", agreed_with_views(3, 1, 3))
                .build(),
            vec![
                criterion_point("STR-2", "T3", vec![gap(4, 2)]),
                criterion_point("STR-4", "T3", vec![gap(1, 3)]),
            ],
        ),
        (
            "a gap needs two perspective scores",
            all_fours()
                .set(
                    "STR-2",
                    CriterionAnswer {
                        perspectives: views(s(1), Some(Answer::Unknown)),
                        ..agreed(4)
                    },
                )
                .build(),
            vec![],
        ),
        (
            "onbekend exactly 1/3 of a theme: no point",
            all_fours().set("VIS-2", unknown()).build(),
            vec![],
        ),
        (
            "onbekend more than 1/3 of a theme: a point",
            all_fours()
                .set("VIS-2", unknown())
                .set("VIS-3", unknown())
                .build(),
            vec![unknown_share("T1", 2, 3)],
        ),
        (
            "onbekend 1 of 4 no point, 2 of 4 a point",
            all_fours()
                .set("SAM-1", unknown())
                .set("STR-1", unknown())
                .set("STR-4", unknown())
                .build(),
            vec![unknown_share("T3", 2, 4)],
        ),
        (
            "n.v.t. is not onbekend",
            all_fours()
                .set("VIS-2", not_applicable())
                .set("VIS-3", not_applicable())
                .build(),
            vec![],
        ),
        (
            "a perspective's onbekend is not the theme's onbekend",
            all_fours()
                .set(
                    "VIS-2",
                    CriterionAnswer {
                        perspectives: views(Some(Answer::Unknown), Some(Answer::Unknown)),
                        ..agreed(4)
                    },
                )
                .set(
                    "VIS-3",
                    CriterionAnswer {
                        perspectives: views(Some(Answer::Unknown), s(4)),
                        ..agreed(4)
                    },
                )
                .build(),
            vec![],
        ),
        (
            "theme point comes before its criteria; themes in order",
            all_fours()
                .set("VIS-1", unknown())
                .set("VIS-2", unknown())
                .set("VIS-3", agreed(2))
                .set("SAM-1", agreed(1))
                .build(),
            vec![
                unknown_share("T1", 2, 3),
                criterion_point("VIS-3", "T1", vec![low(2)]),
                criterion_point("SAM-1", "T2", vec![low(1)]),
            ],
        ),
        (
            "everything onbekend: every theme is a point",
            ScanBuilder::bundled().all(&unknown()).build(),
            vec![
                unknown_share("T1", 3, 3),
                unknown_share("T2", 4, 4),
                unknown_share("T3", 4, 4),
                unknown_share("T4", 4, 4),
                unknown_share("T5", 4, 4),
                unknown_share("T6", 3, 3),
            ],
        ),
        (
            "nothing answered: no points",
            ScanBuilder::bundled().build(),
            vec![],
        ),
    ];
    for (name, scan, expected) in cases {
        assert_eq!(evaluate(&scan).attention, expected, "{name}");
    }
}

// ---------------------------------------------------------------------------
// Weights, perspectives, completion.

#[test]
fn weight_zero_theme_contributes_nothing() {
    let mut weighting = bundled_weighting();
    weighting.theme_weights.retain(|(id, _)| id != "T6");
    weighting.theme_weights.push(("T6".to_owned(), 0.0));
    let scan = ScanBuilder::new(framework_with(BUNDLED_SHAPE, weighting))
        .all(&agreed(4))
        .scores(&[("LER-1", 2), ("LER-2", 2), ("LER-3", 2)])
        .build();
    let evaluation = evaluate(&scan);
    assert_eq!(evaluation.theme("T6").map(|t| t.score), Some(Some(2.0)));
    assert!(close_opt(evaluation.total, Some(4.0)));
}

#[test]
fn only_weightless_themes_scored_means_no_total() {
    let mut weighting = bundled_weighting();
    weighting.theme_weights = vec![("T6".to_owned(), 0.0)];
    weighting.core_themes = Vec::new();
    let scan = ScanBuilder::new(framework_with(BUNDLED_SHAPE, weighting))
        .scores(&[("LER-1", 4), ("LER-2", 4), ("LER-3", 4)])
        .build();
    let evaluation = evaluate(&scan);
    assert_eq!(evaluation.total, None);
    assert_eq!(evaluation.computed_verdict, Verdict::RobustWithAttention);
    // No core themes here, so only the total and the unscored critical criteria fail.
    assert_eq!(
        evaluation.reasons,
        vec![
            Reason::TotalMissing,
            Reason::CriticalCriterionUnscored {
                criterion_id: "VIS-1".to_owned()
            },
            Reason::CriticalCriterionUnscored {
                criterion_id: "STR-1".to_owned()
            },
            Reason::CriticalCriterionUnscored {
                criterion_id: "SCH-2".to_owned()
            },
        ]
    );
    assert!(!evaluation.nothing_scored());
}

#[test]
fn thresholds_come_from_the_framework() {
    // A stricter framework: robuust needs a total of 3.5.
    let mut weighting = bundled_weighting();
    weighting.robust_total_at_least = 3.5;
    let scan = ScanBuilder::new(framework_with(BUNDLED_SHAPE, weighting))
        .all(&agreed(3))
        .build();
    let evaluation = evaluate(&scan);
    assert_eq!(evaluation.computed_verdict, Verdict::RobustWithAttention);
    assert_reasons("strict", &evaluation.reasons, &[total_below(3.0, 3.5)]);
}

#[test]
fn a_threshold_just_above_the_total_is_not_reached() {
    // Every theme scores exactly 3, so the total is exactly 3: a threshold of
    // 3.000000001 is not met (a tolerance of 1e-9 used to call it robuust).
    let mut weighting = bundled_weighting();
    weighting.robust_total_at_least = 3.000_000_001;
    let scan = ScanBuilder::new(framework_with(BUNDLED_SHAPE, weighting))
        .all(&agreed(3))
        .build();
    let evaluation = evaluate(&scan);
    assert_eq!(evaluation.total_exact, Some(Exact::integer(3)));
    assert_eq!(evaluation.computed_verdict, Verdict::RobustWithAttention);
    assert_eq!(
        evaluation.reasons,
        vec![Reason::TotalBelow {
            total: Exact::integer(3),
            threshold: Exact::ratio(3_000_000_001, 1_000_000_000),
        }]
    );
}

#[test]
fn decimal_weights_add_up_exactly() {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; with weights like
    // these a total of exactly 3 came out as 2.9999999999999996.
    let mut weighting = bundled_weighting();
    weighting.theme_weights = ["T1", "T2", "T3", "T4", "T5", "T6"]
        .iter()
        .zip([0.1, 0.2, 0.7, 0.1, 0.2, 0.3])
        .map(|(id, weight)| ((*id).to_owned(), weight))
        .collect();
    let scan = ScanBuilder::new(framework_with(BUNDLED_SHAPE, weighting))
        .all(&agreed(3))
        .build();
    let evaluation = evaluate(&scan);
    assert_eq!(evaluation.total_exact, Some(Exact::integer(3)));
    assert_eq!(evaluation.computed_verdict, Verdict::Robust);
    assert_eq!(
        evaluation
            .theme("T1")
            .map(|theme| theme.weight_exact.clone()),
        Some(Exact::ratio(1, 10))
    );
}

#[test]
fn theme_scores_are_exact_fractions() {
    let scan = ScanBuilder::bundled()
        .all(&agreed(4))
        .scores(&[("VIS-1", 3), ("VIS-2", 3)])
        .build();
    let evaluation = evaluate(&scan);
    // VIS-1..3: 3, 3, 4.
    assert_eq!(
        evaluation
            .theme("T1")
            .and_then(|theme| theme.score_exact.clone()),
        Some(Exact::ratio(10, 3))
    );
}

#[test]
fn perspective_means_per_theme() {
    let scan = ScanBuilder::bundled()
        .all(&agreed(4))
        .set("VIS-1", agreed_with_views(3, 4, 2))
        .set("VIS-2", agreed_with_views(3, 3, 1))
        .set(
            "VIS-3",
            CriterionAnswer {
                perspectives: views(s(2), Some(Answer::Unknown)),
                ..agreed(3)
            },
        )
        .build();
    let evaluation = evaluate(&scan);
    let theme = evaluation.theme("T1").expect("T1");
    assert_eq!(theme.score, Some(3.0));
    let means: Vec<(&str, Option<f64>, usize)> = theme
        .perspective_means
        .iter()
        .map(|m| (m.perspective_id.as_str(), m.mean, m.scored))
        .collect();
    // gemeenten (4 + 3 + 2) / 3; aanbieders (2 + 1) / 2, its onbekend does not count.
    assert_eq!(
        means,
        vec![("gemeenten", Some(3.0), 3), ("aanbieders", Some(1.5), 2)]
    );
    let unscored = evaluate(&ScanBuilder::bundled().build());
    assert!(
        unscored.themes[0]
            .perspective_means
            .iter()
            .all(|m| m.mean.is_none() && m.scored == 0)
    );
}

#[test]
fn completion_lists_unanswered_criteria() {
    let scan = ScanBuilder::bundled()
        .all(&agreed(3))
        .set("SAM-3", CriterionAnswer::empty(2))
        .set(
            "STR-2",
            CriterionAnswer {
                skipped: true,
                ..CriterionAnswer::empty(2)
            },
        )
        // Answered: geen consensus is a conclusion, even without a consensus answer.
        .set("INK-1", no_consensus(s(2), s(3), None))
        .build();
    let evaluation = evaluate(&scan);
    assert_eq!(
        evaluation.progress,
        Progress {
            answered: 20,
            total: 22
        }
    );
    assert_eq!(evaluation.unanswered, vec!["SAM-3", "STR-2"]);
    assert!(!evaluation.is_complete());

    let fresh = evaluate(&ScanBuilder::bundled().build());
    assert_eq!(
        fresh.progress,
        Progress {
            answered: 0,
            total: 22
        }
    );
    assert_eq!(fresh.unanswered.len(), 22);
    assert!(fresh.nothing_scored());

    let complete = evaluate(&ScanBuilder::bundled().all(&agreed(3)).build());
    assert!(complete.is_complete());
}

#[test]
fn criterion_results_keep_what_was_said() {
    let scan = ScanBuilder::bundled()
        .all(&agreed(4))
        .set("SAM-2", no_consensus(s(3), s(1), None))
        .build();
    let evaluation = evaluate(&scan);
    let result = evaluation.criterion("SAM-2").expect("SAM-2");
    assert_eq!(result.theme_id, "T2");
    assert!(!result.critical);
    assert!(result.answered);
    assert_eq!(result.perspective_scores, vec![Some(3), Some(1)]);
    assert_eq!(result.counting_score(), Some(1));
    assert!(evaluation.criterion("VIS-1").expect("VIS-1").critical);
}

#[test]
fn short_answer_list_reads_as_open() {
    let mut scan = ScanBuilder::bundled().all(&agreed(4)).build();
    scan.answers.truncate(3);
    let evaluation = evaluate(&scan);
    assert_eq!(evaluation.criteria.len(), 22);
    assert_eq!(evaluation.theme("T2").map(|t| t.score), Some(None));
    assert_eq!(evaluation.unanswered.len(), 19);
}

#[test]
fn verdict_levels() {
    use Verdict::{FollowUp, Robust, RobustWithAttention};
    assert_eq!(FollowUp.one_level_up(), Some(RobustWithAttention));
    assert_eq!(RobustWithAttention.one_level_up(), Some(Robust));
    assert_eq!(Robust.one_level_up(), None);
    assert_eq!(Robust.one_level_down(), Some(RobustWithAttention));
    assert_eq!(RobustWithAttention.one_level_down(), Some(FollowUp));
    assert_eq!(FollowUp.one_level_down(), None);
    assert!(FollowUp < RobustWithAttention && RobustWithAttention < Robust);
    for verdict in Verdict::ALL {
        assert_eq!(Verdict::from_key(verdict.key()), Some(verdict));
    }
    assert_eq!(Verdict::from_key("onzin"), None);
}

#[test]
fn themes_take_their_criteria_by_position_not_by_id() {
    // A damaged framework that repeats a theme id must not count criteria twice.
    let shape: &[(&str, &[(&str, bool)])] = &[("T1", &[("A-1", false)]), ("T1", &[("B-1", false)])];
    let scan = ScanBuilder::new(framework_with(shape, Weighting::default()))
        .scores(&[("A-1", 4), ("B-1", 2)])
        .build();
    let scores: Vec<Option<f64>> = evaluate(&scan).themes.iter().map(|t| t.score).collect();
    assert_eq!(scores, vec![Some(4.0), Some(2.0)]);
}

mod overrides {
    use crate::model::VerdictOverride;
    use crate::model::scoring::{OverrideOutcome, Verdict, apply_override};

    fn over(verdict: Verdict) -> VerdictOverride {
        VerdictOverride {
            verdict,
            rationale: "Toelichting van de gespreksleider".into(),
            extra: crate::model::Extra::default(),
        }
    }

    #[test]
    fn one_level_up_or_down_applies() {
        let up = apply_override(Verdict::RobustWithAttention, &over(Verdict::Robust));
        assert!(matches!(
            up,
            OverrideOutcome::Applied {
                to: Verdict::Robust,
                ..
            }
        ));
        let down = apply_override(Verdict::RobustWithAttention, &over(Verdict::FollowUp));
        assert!(matches!(
            down,
            OverrideOutcome::Applied {
                to: Verdict::FollowUp,
                ..
            }
        ));
    }

    #[test]
    fn two_levels_is_too_far_and_the_same_level_changes_nothing() {
        let far = apply_override(Verdict::FollowUp, &over(Verdict::Robust));
        assert!(matches!(
            far,
            OverrideOutcome::TooFar {
                wanted: Verdict::Robust,
                ..
            }
        ));
        let same = apply_override(Verdict::Robust, &over(Verdict::Robust));
        assert!(matches!(same, OverrideOutcome::SameAsComputed { .. }));
    }
}
