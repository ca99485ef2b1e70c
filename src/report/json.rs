//! The JSON report: the complete computed result for other tools. Keys are
//! stable English identifiers; values that people read (verdicts, reasons,
//! points of attention) come both as structured data and as the catalogue's
//! words. Answers use the scan file's keys: a number, `"onbekend"` or `"nvt"`.

use serde_json::{Map, Value, json};

use super::{Report, Row};
use crate::model::{
    Answer, AttentionPoint, AttentionReason, Exact, OverrideOutcome, Reason, ScoreSource,
    ThemeResult,
};

/// Bumped when a key changes meaning or disappears.
const REPORT_VERSION: u32 = 1;

/// Scores, totals, weights and thresholds are JSON numbers rounded to this
/// many decimals (stated in the report as `number_decimals`); each has an
/// `…_exact` string beside it with the exact value.
const NUMBER_DECIMALS: u32 = 6;

/// A number rounded to [`NUMBER_DECIMALS`], so a total of 3 reads `3.0`, never
/// `2.9999999999999996`.
fn rounded(value: &Exact) -> Value {
    value
        .rounded(NUMBER_DECIMALS)
        .parse::<f64>()
        .map_or(Value::Null, Value::from)
}

/// A mean drawn from an `f64` (a perspective's, which decides nothing),
/// rounded to [`NUMBER_DECIMALS`] like the exact numbers.
fn rounded_f64(value: f64) -> Value {
    format!("{value:.prec$}", prec = NUMBER_DECIMALS as usize)
        .parse::<f64>()
        .map_or(Value::Null, Value::from)
}

/// The exact value as text: the decimal when it has one (`"2.75"`), otherwise
/// the fraction in lowest terms (`"42/11"`).
fn exact(value: &Exact) -> Value {
    Value::from(value.exact_decimal().unwrap_or_else(|| value.fraction()))
}

pub(super) fn render(report: &Report) -> String {
    let mut text = serde_json::to_string_pretty(&value(report))
        .unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"));
    text.push('\n');
    text
}

fn value(report: &Report) -> Value {
    let evaluation = &report.evaluation;
    let meta = &report.scan.meta;
    let framework = report.framework;
    let summary = report.verdict_summary();
    json!({
        "report_version": REPORT_VERSION,
        "generator": format!("zelfscan {}", env!("CARGO_PKG_VERSION")),
        "framework": {
            "id": framework.id,
            "title": framework.title,
            "version": framework.version,
            "language": framework.language,
        },
        "region": meta.region,
        "date": meta.date.to_string(),
        "facilitator": meta.facilitator,
        "note_taker": meta.note_taker,
        "participants": meta.participants.iter().map(|participant| json!({
            "name": participant.name,
            "organisation": participant.organisation,
            "perspective": participant.perspective,
            "perspective_label": report.perspective_label(&participant.perspective),
        })).collect::<Vec<_>>(),
        "perspectives": framework.perspectives.iter().map(|perspective| json!({
            "id": perspective.id,
            "label": perspective.label,
        })).collect::<Vec<_>>(),
        "complete": evaluation.is_complete(),
        "progress": {
            "answered": evaluation.progress.answered,
            "total": evaluation.progress.total,
        },
        "incomplete_notice": report.incomplete_notice(),
        "themes": framework.themes.iter().zip(&evaluation.themes).map(|(theme, result)| {
            theme_value(report, &theme.title, result)
        }).collect::<Vec<_>>(),
        "number_decimals": NUMBER_DECIMALS,
        "total": evaluation.total_exact.as_ref().map(rounded),
        "total_exact": evaluation.total_exact.as_ref().map(exact),
        "total_text": report.number(evaluation.total),
        "verdict": {
            "computed": evaluation.computed_verdict.key(),
            "computed_label": (report.text.verdict)(evaluation.computed_verdict),
            "final": summary.shown.key(),
            "final_label": (report.text.verdict)(summary.shown),
            "provisional": summary.provisional,
            "nothing_scored": evaluation.nothing_scored(),
            "reasons": evaluation.reasons.iter().map(|reason| {
                let mut value = reason_value(reason);
                insert(&mut value, "text", (report.text.reason)(reason, framework));
                value
            }).collect::<Vec<_>>(),
        },
        "override": evaluation.override_outcome.as_ref().map(|outcome| {
            let mut value = override_value(outcome);
            insert(&mut value, "text", (report.text.override_outcome)(outcome));
            value
        }),
        "attention": evaluation.attention.iter().map(|point| {
            let mut value = attention_value(point);
            insert(&mut value, "text", (report.text.attention)(point, framework));
            value
        }).collect::<Vec<_>>(),
        "actions": report.actions().iter().map(|row| json!({
            "criterion": row.entry.criterion.id,
            "ambition": row.answer.ambition.as_ref().map(super::agenda::ambition_value),
            "actions": row.answer.actions.iter()
                .map(|action| super::agenda::action_value(report.text, action))
                .collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "attention_without_action": crate::model::agenda::attention_without_action(report.scan, evaluation),
        "unanswered": evaluation.unanswered,
        "criteria": report.rows().map(|row| criterion_value(report, &row)).collect::<Vec<_>>(),
    })
}

fn theme_value(report: &Report, title: &str, result: &ThemeResult) -> Value {
    let perspectives: Map<String, Value> = result
        .perspective_means
        .iter()
        .map(|mean| {
            (
                mean.perspective_id.clone(),
                json!({ "mean": mean.mean.map(rounded_f64), "scored": mean.scored }),
            )
        })
        .collect();
    json!({
        "id": result.theme_id,
        "title": title,
        "weight": rounded(&result.weight_exact),
        "core": result.core,
        "score": result.score_exact.as_ref().map(rounded),
        "score_exact": result.score_exact.as_ref().map(exact),
        "score_text": report.number(result.score),
        "scored": result.scored,
        "criteria": result.criteria,
        "unknown": result.unknown,
        "perspectives": perspectives,
    })
}

fn criterion_value(report: &Report, row: &Row) -> Value {
    let framework = report.framework;
    let perspectives: Map<String, Value> = framework
        .perspectives
        .iter()
        .enumerate()
        .map(|(index, perspective)| {
            let view = row.answer.perspectives.get(index);
            let score = view.and_then(|view| view.score);
            (
                perspective.id.clone(),
                json!({
                    "score": answer_value(score),
                    "label": score.map(|answer| report.answer_label(answer)),
                    "note": view.map_or("", |view| view.note.as_str()),
                }),
            )
        })
        .collect();
    let counting = row.result.counting.as_ref().map(|counting| {
        let mut value = json!({
            "score": counting.score,
            "source": match counting.source {
                ScoreSource::Consensus => "consensus",
                ScoreSource::LowestPerspective { .. } => "lowest_perspective",
                ScoreSource::ConsensusFallback => "consensus_fallback",
            },
        });
        if let ScoreSource::LowestPerspective { perspective_id } = &counting.source {
            insert(&mut value, "perspective", perspective_id.clone());
        }
        value
    });
    json!({
        "id": row.entry.criterion.id,
        "theme": row.entry.theme.id,
        "title": row.entry.criterion.title,
        "critical": row.entry.criterion.critical,
        "answered": row.result.answered,
        "skipped": row.answer.skipped,
        "status": report.status(row),
        "perspectives": perspectives,
        "consensus": answer_value(row.answer.consensus),
        "consensus_label": report.consensus_answer(row),
        "agreement": row.answer.agreement.map(|level| level.key()),
        "agreement_label": row.answer.agreement.map(|level| framework.agreement_label(level)),
        "counting_score": counting,
        "consensus_note": row.answer.consensus_note,
        "ambition": row.answer.ambition.as_ref().map(super::agenda::ambition_value),
        "actions": row.answer.actions.iter()
            .map(|action| super::agenda::action_value(report.text, action))
            .collect::<Vec<_>>(),
        "changed_at": row.answer.changed_at.map(|at| at.to_string()),
        "attention": report.criterion_attention(&row.entry.criterion.id),
    })
}

/// An answer as the scan file writes it.
fn answer_value(answer: Option<Answer>) -> Value {
    match answer {
        Some(Answer::Score(value)) => json!(value),
        Some(Answer::Unknown) => json!("onbekend"),
        Some(Answer::NotApplicable) => json!("nvt"),
        None => Value::Null,
    }
}

fn reason_value(reason: &Reason) -> Value {
    match reason {
        Reason::TotalBelow { total, threshold } => json!({
            "kind": "total_below",
            "total": rounded(total), "total_exact": exact(total),
            "threshold": rounded(threshold), "threshold_exact": exact(threshold),
        }),
        Reason::TotalAtLeast { total, threshold } => json!({
            "kind": "total_at_least",
            "total": rounded(total), "total_exact": exact(total),
            "threshold": rounded(threshold), "threshold_exact": exact(threshold),
        }),
        Reason::TotalMissing => json!({ "kind": "total_missing" }),
        Reason::CoreThemeBelow {
            theme_id,
            score,
            threshold,
        } => json!({
            "kind": "core_theme_below", "theme": theme_id,
            "score": rounded(score), "score_exact": exact(score),
            "threshold": rounded(threshold), "threshold_exact": exact(threshold),
        }),
        Reason::CoreThemeAtLeast {
            theme_id,
            score,
            threshold,
        } => json!({
            "kind": "core_theme_at_least", "theme": theme_id,
            "score": rounded(score), "score_exact": exact(score),
            "threshold": rounded(threshold), "threshold_exact": exact(threshold),
        }),
        Reason::CoreThemeUnscored { theme_id } => {
            json!({ "kind": "core_theme_unscored", "theme": theme_id })
        }
        Reason::CriterionAtMost {
            criterion_id,
            score,
            threshold,
        } => json!({
            "kind": "criterion_at_most", "criterion": criterion_id, "score": score,
            "threshold": threshold,
        }),
        Reason::EveryCriterionAbove { lowest, threshold } => {
            json!({ "kind": "every_criterion_above", "lowest": lowest, "threshold": threshold })
        }
        Reason::CriticalCriterionAtMost {
            criterion_id,
            score,
            threshold,
        } => json!({
            "kind": "critical_criterion_at_most", "criterion": criterion_id, "score": score,
            "threshold": threshold,
        }),
        Reason::CriticalCriterionBelow {
            criterion_id,
            score,
            threshold,
        } => json!({
            "kind": "critical_criterion_below", "criterion": criterion_id, "score": score,
            "threshold": threshold,
        }),
        Reason::CriticalCriterionAtLeast {
            criterion_id,
            score,
            threshold,
        } => json!({
            "kind": "critical_criterion_at_least", "criterion": criterion_id, "score": score,
            "threshold": threshold,
        }),
        Reason::CriticalCriterionUnscored { criterion_id } => {
            json!({ "kind": "critical_criterion_unscored", "criterion": criterion_id })
        }
        Reason::NothingScored => json!({ "kind": "nothing_scored" }),
    }
}

fn override_value(outcome: &OverrideOutcome) -> Value {
    match outcome {
        OverrideOutcome::Applied { to, rationale } => json!({
            "outcome": "applied", "verdict": to.key(), "rationale": rationale,
        }),
        OverrideOutcome::SameAsComputed { rationale } => json!({
            "outcome": "same_as_computed", "rationale": rationale,
        }),
        OverrideOutcome::TooFar { wanted, rationale } => json!({
            "outcome": "too_far", "verdict": wanted.key(), "rationale": rationale,
        }),
    }
}

fn attention_value(point: &AttentionPoint) -> Value {
    match point {
        AttentionPoint::Criterion {
            criterion_id,
            theme_id,
            reasons,
        } => json!({
            "kind": "criterion",
            "criterion": criterion_id,
            "theme": theme_id,
            "reasons": reasons.iter().map(attention_reason_value).collect::<Vec<_>>(),
        }),
        AttentionPoint::ThemeUnknownShare {
            theme_id,
            unknown,
            criteria,
            share_above,
        } => json!({
            "kind": "theme_unknown_share",
            "theme": theme_id,
            "unknown": unknown,
            "criteria": criteria,
            "share_above": [share_above.0, share_above.1],
        }),
    }
}

fn attention_reason_value(reason: &AttentionReason) -> Value {
    match reason {
        AttentionReason::LowScore { score, threshold } => {
            json!({ "kind": "low_score", "score": score, "threshold": threshold })
        }
        AttentionReason::NoConsensus => json!({ "kind": "no_consensus" }),
        AttentionReason::PerspectiveGap { first, second, gap } => json!({
            "kind": "perspective_gap",
            "first": { "perspective": first.perspective_id, "score": first.score },
            "second": { "perspective": second.perspective_id, "score": second.score },
            "gap": gap,
        }),
    }
}

fn insert(value: &mut Value, key: &str, added: impl Into<Value>) {
    if let Value::Object(map) = value {
        map.insert(key.to_string(), added.into());
    }
}
