//! Scoring: turns a scan's answers into theme scores, a weighted total, a
//! verdict (*oordeel*) with the reasons that decided it, and the generated
//! points of attention (*aandachtspunten*), following the weighting rule of
//! domain.md §5.3. All thresholds come from the framework's [`Weighting`], so
//! another framework can set its own numbers.
//!
//! Everything here is plain data: no text for people. Screens and reports turn
//! the [`Reason`]s and [`AttentionPoint`]s into Dutch or English words.
//!
//! Choices the rule leaves open, made here (and tested below):
//! - "Onbekend" for a theme means the *consensus* answer is
//!   [`Answer::Unknown`]; a perspective's own "onbekend" does not count towards
//!   the share. The share is taken over all criteria of the theme, n.v.t. included.
//! - An unscored critical criterion (onbekend, n.v.t. or not answered) blocks
//!   [`Verdict::Robust`] ([`Reason::CriticalCriterionUnscored`]) but does not
//!   force [`Verdict::FollowUp`]: it is a gap in what we know, not a finding of
//!   weakness. The same goes for a core theme without a score.
//! - When no criterion has a counting score at all, the verdict is
//!   [`Verdict::RobustWithAttention`] with the single reason
//!   [`Reason::NothingScored`]: a follow-up verdict would claim a weakness the
//!   scan has not shown, and "robuust" needs scores. The report should present
//!   such a verdict as provisional; [`Evaluation::nothing_scored`] tells it so.
//! - Scores are means of small integers and weights are decimals, so theme
//!   scores, the total and the thresholds are [`Exact`] fractions and compared
//!   exactly: a total of exactly 3 is below a threshold of 3.000000001, and
//!   2.5 on paper is 2.5, never 2.4999999999999996. The `f64` copies are for
//!   drawing charts only.

use super::exact::Exact;
use super::framework::{Framework, Weighting};
use super::scan::{Agreement, Answer, CriterionAnswer, Scan};

mod results;

pub use results::*;

/// The score that counts for one criterion (domain.md §5.3 step 1).
///
/// The consensus score counts. With *geen consensus* the lowest perspective
/// score counts instead; if no perspective gave a score, the consensus score
/// does, if there is one. Onbekend, n.v.t. and missing answers count nothing.
pub fn counting_score(answer: &CriterionAnswer, framework: &Framework) -> Option<CountingScore> {
    let consensus = answer.consensus.and_then(Answer::score);
    if answer.agreement != Some(Agreement::NoConsensus) {
        return consensus.map(|score| CountingScore {
            score,
            source: ScoreSource::Consensus,
        });
    }
    let lowest = recorded_perspective_scores(answer, framework)
        .reduce(|lowest, candidate| {
            if candidate.score < lowest.score {
                candidate
            } else {
                lowest
            }
        })
        .map(|lowest| CountingScore {
            score: lowest.score,
            source: ScoreSource::LowestPerspective {
                perspective_id: lowest.perspective_id,
            },
        });
    lowest.or_else(|| {
        consensus.map(|score| CountingScore {
            score,
            source: ScoreSource::ConsensusFallback,
        })
    })
}

/// The perspectives that gave a score, in framework order.
fn recorded_perspective_scores<'a>(
    answer: &'a CriterionAnswer,
    framework: &'a Framework,
) -> impl Iterator<Item = PerspectiveScore> + 'a {
    framework
        .perspectives
        .iter()
        .zip(&answer.perspectives)
        .filter_map(|(perspective, view)| {
            view.score
                .and_then(Answer::score)
                .map(|score| PerspectiveScore {
                    perspective_id: perspective.id.clone(),
                    score,
                })
        })
}

/// Scores a scan against the weighting rule of its own framework.
pub fn evaluate(scan: &Scan) -> Evaluation {
    let framework = &scan.framework;
    let weighting = &framework.weighting;
    // A scan whose answers are shorter than its framework (a damaged file) reads
    // the missing ones as open rather than panicking.
    let empty = CriterionAnswer::empty(framework.perspectives.len());

    let criteria: Vec<CriterionResult> = framework
        .criteria()
        .map(|entry| {
            let answer = scan.answers.get(entry.index).unwrap_or(&empty);
            CriterionResult {
                criterion_id: entry.criterion.id.clone(),
                theme_id: entry.theme.id.clone(),
                critical: entry.criterion.critical,
                answered: answer.is_answered(),
                consensus: answer.consensus,
                agreement: answer.agreement,
                perspective_scores: (0..framework.perspectives.len())
                    .map(|index| {
                        answer
                            .perspectives
                            .get(index)
                            .and_then(|view| view.score)
                            .and_then(Answer::score)
                    })
                    .collect(),
                counting: counting_score(answer, framework),
            }
        })
        .collect();

    let themes: Vec<ThemeResult> = framework
        .themes
        .iter()
        .zip(theme_slices(framework, &criteria))
        .map(|(theme, in_theme)| theme_result(framework, &theme.id, in_theme))
        .collect();

    let total_exact = weighted_total(&themes);
    let (verdict, reasons) = decide(weighting, &criteria, &themes, total_exact.as_ref());
    let attention = attention_points(framework, &criteria, &themes);

    let override_outcome = scan
        .verdict_override
        .as_ref()
        .map(|over| apply_override(verdict, over));
    Evaluation {
        override_outcome,
        unanswered: criteria
            .iter()
            .filter(|criterion| !criterion.answered)
            .map(|criterion| criterion.criterion_id.clone())
            .collect(),
        progress: scan.progress(),
        criteria,
        themes,
        total: total_exact.as_ref().map(Exact::to_f64),
        total_exact,
        computed_verdict: verdict,
        reasons,
        attention,
    }
}

fn theme_result(
    framework: &Framework,
    theme_id: &str,
    in_theme: &[CriterionResult],
) -> ThemeResult {
    let weighting = &framework.weighting;
    let (score_exact, scored) = mean(in_theme.iter().filter_map(|c| c.counting_score()));
    let perspective_means = framework
        .perspectives
        .iter()
        .enumerate()
        .map(|(index, perspective)| {
            let (mean, scored) = mean(
                in_theme
                    .iter()
                    .filter_map(|c| c.perspective_scores.get(index).copied().flatten()),
            );
            PerspectiveMean {
                perspective_id: perspective.id.clone(),
                mean: mean.as_ref().map(Exact::to_f64),
                scored,
            }
        })
        .collect();
    let weight = weighting.theme_weight(theme_id);
    ThemeResult {
        theme_id: theme_id.to_owned(),
        weight,
        weight_exact: Exact::from_decimal_f64(weight),
        core: weighting.is_core_theme(theme_id),
        score: score_exact.as_ref().map(Exact::to_f64),
        score_exact,
        scored,
        criteria: in_theme.len(),
        unknown: in_theme
            .iter()
            .filter(|c| c.consensus == Some(Answer::Unknown))
            .count(),
        perspective_means,
    }
}

/// The criteria of each theme, in theme order. Criteria are in walk order,
/// theme by theme, so each theme's criteria are one contiguous slice; going by
/// position rather than by id keeps a damaged file with a repeated theme id
/// from counting criteria twice.
fn theme_slices<'a>(
    framework: &'a Framework,
    criteria: &'a [CriterionResult],
) -> impl Iterator<Item = &'a [CriterionResult]> + 'a {
    framework.themes.iter().scan(0, move |start, theme| {
        let end = (*start + theme.criteria.len()).min(criteria.len());
        let slice = &criteria[(*start).min(end)..end];
        *start = end;
        Some(slice)
    })
}

/// The exact mean of some scores and how many there were; `None` for no scores.
fn mean(scores: impl Iterator<Item = u8>) -> (Option<Exact>, usize) {
    let (sum, count) = scores.fold((0i64, 0i64), |(sum, count), score| {
        (sum + i64::from(score), count + 1)
    });
    let mean = (count > 0).then(|| Exact::ratio(sum, count));
    (mean, usize::try_from(count).unwrap_or(usize::MAX))
}

/// The exact weighted mean of the theme scores. A theme without a score, or
/// with a weight that is not above 0, contributes nothing.
fn weighted_total(themes: &[ThemeResult]) -> Option<Exact> {
    let (weighted_sum, weight_sum) = themes
        .iter()
        .filter(|theme| theme.weight_exact.is_positive())
        .filter_map(|theme| {
            theme
                .score_exact
                .as_ref()
                .map(|score| (score * &theme.weight_exact, &theme.weight_exact))
        })
        .fold(
            (Exact::zero(), Exact::zero()),
            |(sum, weights), (weighted, weight)| (&sum + &weighted, &weights + weight),
        );
    weight_sum
        .is_positive()
        .then(|| &weighted_sum / &weight_sum)
}

/// A threshold from the framework as the exact decimal it wrote.
fn threshold(value: f64) -> Exact {
    Exact::from_decimal_f64(value)
}

/// The verdict of domain.md §5.3 step 4, with its reasons.
fn decide(
    weighting: &Weighting,
    criteria: &[CriterionResult],
    themes: &[ThemeResult],
    total: Option<&Exact>,
) -> (Verdict, Vec<Reason>) {
    let follow_up = follow_up_reasons(weighting, criteria, themes, total);
    if !follow_up.is_empty() {
        return (Verdict::FollowUp, follow_up);
    }
    if criteria
        .iter()
        .all(|criterion| criterion.counting.is_none())
    {
        return (Verdict::RobustWithAttention, vec![Reason::NothingScored]);
    }
    let (met, failed) = robust_conditions(weighting, criteria, themes, total);
    if failed.is_empty() {
        (Verdict::Robust, met)
    } else {
        (Verdict::RobustWithAttention, failed)
    }
}

fn follow_up_reasons(
    weighting: &Weighting,
    criteria: &[CriterionResult],
    themes: &[ThemeResult],
    total: Option<&Exact>,
) -> Vec<Reason> {
    let mut reasons = Vec::new();
    let total_threshold = threshold(weighting.follow_up_total_below);
    if let Some(total) = total
        && *total < total_threshold
    {
        reasons.push(Reason::TotalBelow {
            total: total.clone(),
            threshold: total_threshold,
        });
    }
    let theme_threshold = threshold(weighting.follow_up_core_theme_below);
    for theme in themes.iter().filter(|theme| theme.core) {
        if let Some(score) = &theme.score_exact
            && *score < theme_threshold
        {
            reasons.push(Reason::CoreThemeBelow {
                theme_id: theme.theme_id.clone(),
                score: score.clone(),
                threshold: theme_threshold.clone(),
            });
        }
    }
    for criterion in criteria.iter().filter(|criterion| criterion.critical) {
        if let Some(score) = criterion.counting_score()
            && score <= weighting.follow_up_critical_at_most
        {
            reasons.push(Reason::CriticalCriterionAtMost {
                criterion_id: criterion.criterion_id.clone(),
                score,
                threshold: weighting.follow_up_critical_at_most,
            });
        }
    }
    reasons
}

/// Every robust condition, split into those that hold and those that fail.
fn robust_conditions(
    weighting: &Weighting,
    criteria: &[CriterionResult],
    themes: &[ThemeResult],
    total: Option<&Exact>,
) -> (Vec<Reason>, Vec<Reason>) {
    let mut met = Vec::new();
    let mut failed = Vec::new();

    let total_threshold = threshold(weighting.robust_total_at_least);
    match total {
        Some(total) if *total < total_threshold => {
            failed.push(Reason::TotalBelow {
                total: total.clone(),
                threshold: total_threshold,
            });
        }
        Some(total) => met.push(Reason::TotalAtLeast {
            total: total.clone(),
            threshold: total_threshold,
        }),
        None => failed.push(Reason::TotalMissing),
    }

    let theme_threshold = threshold(weighting.robust_core_theme_at_least);
    for theme in themes.iter().filter(|theme| theme.core) {
        let theme_id = theme.theme_id.clone();
        match &theme.score_exact {
            Some(score) if *score < theme_threshold => failed.push(Reason::CoreThemeBelow {
                theme_id,
                score: score.clone(),
                threshold: theme_threshold.clone(),
            }),
            Some(score) => met.push(Reason::CoreThemeAtLeast {
                theme_id,
                score: score.clone(),
                threshold: theme_threshold.clone(),
            }),
            None => failed.push(Reason::CoreThemeUnscored { theme_id }),
        }
    }

    let threshold = weighting.robust_any_criterion_above;
    let mut lowest: Option<u8> = None;
    for criterion in criteria {
        if let Some(score) = criterion.counting_score() {
            lowest = Some(lowest.map_or(score, |lowest| lowest.min(score)));
            if score <= threshold {
                failed.push(Reason::CriterionAtMost {
                    criterion_id: criterion.criterion_id.clone(),
                    score,
                    threshold,
                });
            }
        }
    }
    if let Some(lowest) = lowest
        && lowest > threshold
    {
        met.push(Reason::EveryCriterionAbove { lowest, threshold });
    }

    let threshold = weighting.robust_critical_at_least;
    for criterion in criteria.iter().filter(|criterion| criterion.critical) {
        let criterion_id = criterion.criterion_id.clone();
        match criterion.counting_score() {
            Some(score) if score < threshold => failed.push(Reason::CriticalCriterionBelow {
                criterion_id,
                score,
                threshold,
            }),
            Some(score) => met.push(Reason::CriticalCriterionAtLeast {
                criterion_id,
                score,
                threshold,
            }),
            None => failed.push(Reason::CriticalCriterionUnscored { criterion_id }),
        }
    }

    (met, failed)
}

/// The generated points of attention (domain.md §5.3 step 5).
fn attention_points(
    framework: &Framework,
    criteria: &[CriterionResult],
    themes: &[ThemeResult],
) -> Vec<AttentionPoint> {
    let weighting = &framework.weighting;
    let (share_numerator, share_denominator) = weighting.attention_unknown_share_above;
    let mut points = Vec::new();
    for (theme, in_theme) in themes.iter().zip(theme_slices(framework, criteria)) {
        // Exact integer comparison, so that "more than a third" is never a rounding question.
        if theme.unknown as u128 * u128::from(share_denominator)
            > theme.criteria as u128 * u128::from(share_numerator)
        {
            points.push(AttentionPoint::ThemeUnknownShare {
                theme_id: theme.theme_id.clone(),
                unknown: theme.unknown,
                criteria: theme.criteria,
                share_above: weighting.attention_unknown_share_above,
            });
        }
        for criterion in in_theme {
            let reasons = criterion_attention(framework, criterion);
            if !reasons.is_empty() {
                points.push(AttentionPoint::Criterion {
                    criterion_id: criterion.criterion_id.clone(),
                    theme_id: criterion.theme_id.clone(),
                    reasons,
                });
            }
        }
    }
    points
}

fn criterion_attention(framework: &Framework, criterion: &CriterionResult) -> Vec<AttentionReason> {
    let weighting = &framework.weighting;
    let mut reasons = Vec::new();
    if let Some(score) = criterion.counting_score()
        && score <= weighting.attention_score_at_most
    {
        reasons.push(AttentionReason::LowScore {
            score,
            threshold: weighting.attention_score_at_most,
        });
    }
    if criterion.agreement == Some(Agreement::NoConsensus) {
        reasons.push(AttentionReason::NoConsensus);
    }
    if let Some(gap) = widest_perspective_gap(framework, criterion)
        && gap.2 >= weighting.attention_perspective_gap
    {
        let (first, second, gap) = gap;
        reasons.push(AttentionReason::PerspectiveGap { first, second, gap });
    }
    reasons
}

/// The highest and the lowest perspective score (first in framework order on
/// ties), returned in framework order with their difference. `None` with fewer
/// than two perspective scores.
fn widest_perspective_gap(
    framework: &Framework,
    criterion: &CriterionResult,
) -> Option<(PerspectiveScore, PerspectiveScore, u8)> {
    let scores: Vec<(usize, u8)> = criterion
        .perspective_scores
        .iter()
        .enumerate()
        .filter_map(|(index, score)| score.map(|score| (index, score)))
        .collect();
    if scores.len() < 2 {
        return None;
    }
    let mut highest = scores[0];
    let mut lowest = scores[0];
    for &(index, score) in &scores[1..] {
        if score > highest.1 {
            highest = (index, score);
        }
        if score < lowest.1 {
            lowest = (index, score);
        }
    }
    if highest.0 == lowest.0 {
        // All scores are equal: name two different perspectives anyway.
        lowest = scores[1];
    }
    let gap = highest.1 - lowest.1;
    let named = |(index, score): (usize, u8)| PerspectiveScore {
        perspective_id: framework.perspectives[index].id.clone(),
        score,
    };
    let (first, second) = if highest.0 <= lowest.0 {
        (highest, lowest)
    } else {
        (lowest, highest)
    };
    Some((named(first), named(second), gap))
}

#[cfg(test)]
mod tests;
