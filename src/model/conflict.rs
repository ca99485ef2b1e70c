//! Merge conflicts kept inside a scan: one field of one criterion that
//! several sources gave different values, with every value and where it came
//! from, until the facilitator chooses (schema_version 2,
//! `[[answers.<ID>.conflicts]]`). Also the field paths ("consensus",
//! "gemeenten.note", "ambition.level", ...) through which merge reads and
//! writes an answer. Actions are not fields: merge keeps every distinct
//! action (see `model::merge`).

use jiff::civil::Date;

use super::agenda::Ambition;
use super::extra::Extra;
use super::framework::Framework;
use super::scan::{Agreement, Answer, CriterionAnswer};

/// A field's value as a conflict option holds it. `Empty` is "no value": a
/// source that cleared the field, or never set it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Empty,
    Answer(Answer),
    Agreement(Agreement),
    Text(String),
    /// A date (an ambition's "by when").
    Date(Date),
    /// A value of a field this build does not know (a newer zelfscan's), kept
    /// as it was under the key `value` (an [`Extra`] compares NaN sanely).
    Other(Extra),
}

impl FieldValue {
    pub fn is_empty(&self) -> bool {
        matches!(self, FieldValue::Empty)
    }
}

/// One candidate value of a conflict and its source: a file name, or
/// "ours" / "theirs" / "base" in a three-way merge. Sources that gave the same
/// value share one option, their names joined by ", ".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictOption {
    pub from: String,
    pub value: FieldValue,
}

/// An unresolved conflict on one field of a criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldConflict {
    /// The field's path, as [`field_paths`] names it.
    pub field: String,
    pub options: Vec<ConflictOption>,
}

/// What kind of value a field path holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Score,
    Agreement,
    Text,
    Date,
    Unknown,
}

/// The ambition's fields (the agenda), as paths.
pub const AMBITION_FIELDS: [&str; 3] = ["ambition.level", "ambition.due", "ambition.needed"];

/// The perspective a field path belongs to (`gemeenten` of
/// `gemeenten.score`); `None` for the joint answer's and the ambition's fields.
pub fn perspective_of(field: &str) -> Option<&str> {
    if AMBITION_FIELDS.contains(&field) {
        return None;
    }
    field.rsplit_once('.').map(|(perspective, _)| perspective)
}

/// The kind of a field path: `consensus` and `<perspective>.score` hold
/// scores (and `ambition.level` a level on the scale), `agreement` an
/// agreement level, `ambition.due` a date, notes and `ambition.needed` text.
pub fn field_kind(field: &str) -> FieldKind {
    match field {
        "consensus" | "ambition.level" => FieldKind::Score,
        "agreement" => FieldKind::Agreement,
        "ambition.due" => FieldKind::Date,
        "consensus_note" | "ambition.needed" => FieldKind::Text,
        _ => match field.rsplit_once('.') {
            Some((_, "score")) => FieldKind::Score,
            Some((_, "note")) => FieldKind::Text,
            _ => FieldKind::Unknown,
        },
    }
}

/// Every mergeable field of an answer under `framework`, in file order.
pub fn field_paths(framework: &Framework) -> Vec<String> {
    let mut paths: Vec<String> = ["consensus", "agreement", "consensus_note"]
        .map(String::from)
        .to_vec();
    paths.extend(AMBITION_FIELDS.map(String::from));
    for perspective in &framework.perspectives {
        paths.push(format!("{}.score", perspective.id));
        paths.push(format!("{}.note", perspective.id));
    }
    paths
}

fn text(value: &str) -> FieldValue {
    if value.is_empty() {
        FieldValue::Empty
    } else {
        FieldValue::Text(value.to_string())
    }
}

/// The answer's ambition, or an empty one.
fn ambition(answer: &CriterionAnswer) -> Ambition {
    answer.ambition.clone().unwrap_or_default()
}

/// Changes the answer's ambition; one left empty (and without unknown keys)
/// is no ambition.
fn with_ambition(answer: &mut CriterionAnswer, change: impl FnOnce(&mut Ambition)) {
    let mut ambition = answer.ambition.take().unwrap_or_default();
    change(&mut ambition);
    if !ambition.is_empty() {
        answer.ambition = Some(ambition);
    }
}

/// The value of `field` in `answer`; `None` when the path names nothing here.
pub fn get_field(
    answer: &CriterionAnswer,
    framework: &Framework,
    field: &str,
) -> Option<FieldValue> {
    let answer_value = |value: Option<Answer>| value.map_or(FieldValue::Empty, FieldValue::Answer);
    match field {
        "consensus" => Some(answer_value(answer.consensus)),
        "agreement" => Some(
            answer
                .agreement
                .map_or(FieldValue::Empty, FieldValue::Agreement),
        ),
        "consensus_note" => Some(text(&answer.consensus_note)),
        "ambition.level" => Some(ambition(answer).level.map_or(FieldValue::Empty, |level| {
            FieldValue::Answer(Answer::Score(level))
        })),
        "ambition.due" => Some(
            ambition(answer)
                .due
                .map_or(FieldValue::Empty, FieldValue::Date),
        ),
        "ambition.needed" => Some(text(&ambition(answer).needed)),
        _ => {
            let (perspective, key) = field.rsplit_once('.')?;
            let view = answer
                .perspectives
                .get(framework.perspective_index(perspective)?)?;
            match key {
                "score" => Some(answer_value(view.score)),
                "note" => Some(text(&view.note)),
                _ => None,
            }
        }
    }
}

/// Sets `field` to `value`. False when the path names nothing here or the
/// value is of the wrong kind; the answer is then unchanged.
pub fn set_field(
    answer: &mut CriterionAnswer,
    framework: &Framework,
    field: &str,
    value: &FieldValue,
) -> bool {
    let score = match value {
        FieldValue::Empty => Some(None),
        FieldValue::Answer(answer) => Some(Some(*answer)),
        _ => None,
    };
    let words = match value {
        FieldValue::Empty => Some(String::new()),
        FieldValue::Text(words) => Some(words.clone()),
        _ => None,
    };
    match (field, value) {
        ("consensus", _) => score.map(|score| answer.consensus = score).is_some(),
        ("agreement", FieldValue::Empty) => {
            answer.agreement = None;
            true
        }
        ("agreement", FieldValue::Agreement(level)) => {
            answer.agreement = Some(*level);
            true
        }
        ("consensus_note", _) => words.map(|words| answer.consensus_note = words).is_some(),
        ("ambition.level", FieldValue::Empty) => {
            with_ambition(answer, |a| a.level = None);
            true
        }
        ("ambition.level", FieldValue::Answer(Answer::Score(level))) => {
            with_ambition(answer, |a| a.level = Some(*level));
            true
        }
        ("ambition.due", FieldValue::Empty) => {
            with_ambition(answer, |a| a.due = None);
            true
        }
        ("ambition.due", FieldValue::Date(date)) => {
            with_ambition(answer, |a| a.due = Some(*date));
            true
        }
        ("ambition.needed", _) => words
            .map(|words| with_ambition(answer, |a| a.needed = words))
            .is_some(),
        ("ambition.level" | "ambition.due", _) => false,
        _ => {
            let Some((perspective, key)) = field.rsplit_once('.') else {
                return false;
            };
            let Some(view) = framework
                .perspective_index(perspective)
                .and_then(|index| answer.perspectives.get_mut(index))
            else {
                return false;
            };
            match key {
                "score" => score.map(|score| view.score = score).is_some(),
                "note" => words.map(|words| view.note = words).is_some(),
                _ => false,
            }
        }
    }
}

/// The facilitator's choice on a conflict: the field gets `value` and the
/// conflict is gone. False (and nothing changed) when there is no such
/// conflict or the value does not fit the field.
pub fn resolve(
    answer: &mut CriterionAnswer,
    framework: &Framework,
    field: &str,
    value: &FieldValue,
) -> bool {
    let Some(position) = answer.conflicts.iter().position(|c| c.field == field) else {
        return false;
    };
    if !set_field(answer, framework, field, value) {
        return false;
    }
    answer.conflicts.remove(position);
    true
}

/// All the text options of a note conflict, one paragraph each, in option
/// order: what "combine the notes" proposes.
pub fn combined_notes(conflict: &FieldConflict) -> String {
    conflict
        .options
        .iter()
        .filter_map(|option| match &option.value {
            FieldValue::Text(words) => Some(words.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Lowest score, highest score, and from how many sources.
pub type Spread = (u8, u8, usize);

/// A side's spread on a criterion where several sources scored it
/// differently: (lowest, highest, how many sources), from the conflict on
/// `<perspective>.score`.
pub fn score_spread(answer: &CriterionAnswer, perspective_id: &str) -> Option<Spread> {
    let field = format!("{perspective_id}.score");
    let conflict = answer.conflicts.iter().find(|c| c.field == field)?;
    let mut scores = Vec::new();
    let mut sources = 0;
    for option in &conflict.options {
        let count = option.from.split(", ").count();
        sources += count;
        if let FieldValue::Answer(Answer::Score(score)) = option.value {
            scores.push(score);
        }
    }
    Some((*scores.iter().min()?, *scores.iter().max()?, sources))
}
