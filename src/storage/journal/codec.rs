//! How one edit is written as a journal record and read back: tab-separated
//! fields, with tabs, newlines and backslashes escaped, so a record is always
//! one line.

use jiff::Timestamp;

use crate::model::conflict::FieldValue;
use crate::model::edit::{AgendaEdit, Edit, Slot, TextSlot};
use crate::model::{Agreement, Answer, Verdict, VerdictOverride};

pub(super) fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '\t' => escaped.push_str("\\t"),
            '\n' => escaped.push_str("\\n"),
            '\r' => escaped.push_str("\\r"),
            other => escaped.push(other),
        }
    }
    escaped
}

pub(super) fn unescape(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            plain.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => plain.push('\t'),
            Some('n') => plain.push('\n'),
            Some('r') => plain.push('\r'),
            Some(other) => plain.push(other),
            None => {}
        }
    }
    plain
}

pub(super) fn slot_key(slot: &Slot) -> String {
    match slot {
        Slot::Consensus => "consensus".to_string(),
        Slot::Perspective(id) => format!("p:{id}"),
    }
}

pub(super) fn parse_slot(key: &str) -> Option<Slot> {
    match key {
        "consensus" => Some(Slot::Consensus),
        _ => key
            .strip_prefix("p:")
            .map(|id| Slot::Perspective(id.to_string())),
    }
}

pub(super) fn text_key(text: &TextSlot) -> String {
    match text {
        TextSlot::Note(slot) => format!("note:{}", slot_key(slot)),
        TextSlot::ActionWhat(index) => format!("action-what:{index}"),
        TextSlot::ActionOwner(index) => format!("action-owner:{index}"),
        TextSlot::AmbitionNeeded => "ambition-needed".into(),
    }
}

pub(super) fn parse_text_key(key: &str) -> Option<TextSlot> {
    if key == "ambition-needed" {
        return Some(TextSlot::AmbitionNeeded);
    }
    if let Some(index) = key.strip_prefix("action-what:") {
        return Some(TextSlot::ActionWhat(index.parse().ok()?));
    }
    if let Some(index) = key.strip_prefix("action-owner:") {
        return Some(TextSlot::ActionOwner(index.parse().ok()?));
    }
    Some(TextSlot::Note(parse_slot(key.strip_prefix("note:")?)?))
}

/// An agenda change as fields after the criterion: kind, then its values.
pub(super) fn agenda_fields(change: &AgendaEdit) -> Vec<String> {
    let date = |due: &Option<jiff::civil::Date>| due.map_or_else(String::new, |d| d.to_string());
    match change {
        AgendaEdit::AddAction => vec!["add-action".into()],
        AgendaEdit::RemoveAction(index) => vec!["remove-action".into(), index.to_string()],
        AgendaEdit::ActionStatus(index, status) => vec![
            "action-status".into(),
            index.to_string(),
            status.key().into(),
        ],
        AgendaEdit::ActionDue(index, due) => {
            vec!["action-due".into(), index.to_string(), date(due)]
        }
        AgendaEdit::AmbitionLevel(level) => vec![
            "ambition-level".into(),
            level.map_or_else(String::new, |level| level.to_string()),
        ],
        AgendaEdit::AmbitionDue(due) => vec!["ambition-due".into(), date(due)],
    }
}

/// The agenda change in `fields` (kind first); `None` when it is damaged.
/// Values pass the same checks as in a file: a status key, a date written
/// exactly as 2027-02-28. The scale and the action's existence are checked by
/// `Edit::apply`, as for every edit.
pub(super) fn parse_agenda(fields: &[&str]) -> Option<AgendaEdit> {
    let date = |text: &str| -> Option<Option<jiff::civil::Date>> {
        if text.is_empty() {
            return Some(None);
        }
        let parsed: jiff::civil::Date = text.parse().ok()?;
        (parsed.to_string() == text).then_some(Some(parsed))
    };
    let index = |text: &str| text.parse::<usize>().ok();
    Some(match *fields.first()? {
        "add-action" => AgendaEdit::AddAction,
        "remove-action" => AgendaEdit::RemoveAction(index(fields.get(1)?)?),
        "action-status" => AgendaEdit::ActionStatus(
            index(fields.get(1)?)?,
            crate::model::ActionStatus::from_key(fields.get(2)?)?,
        ),
        "action-due" => AgendaEdit::ActionDue(index(fields.get(1)?)?, date(fields.get(2)?)?),
        "ambition-level" => AgendaEdit::AmbitionLevel(match *fields.get(1)? {
            "" => None,
            number => Some(number.parse().ok()?),
        }),
        "ambition-due" => AgendaEdit::AmbitionDue(date(fields.get(1)?)?),
        _ => return None,
    })
}

pub(super) fn answer_key(answer: Option<Answer>) -> String {
    match answer {
        None => String::new(),
        Some(Answer::Score(value)) => value.to_string(),
        Some(Answer::Unknown) => "onbekend".to_string(),
        Some(Answer::NotApplicable) => "nvt".to_string(),
    }
}

pub(super) fn parse_answer(key: &str) -> Option<Option<Answer>> {
    match key {
        "" => Some(None),
        "onbekend" => Some(Some(Answer::Unknown)),
        "nvt" => Some(Some(Answer::NotApplicable)),
        number => number.parse().ok().map(|value| Some(Answer::Score(value))),
    }
}

/// An edit as one line of tab-separated, escaped fields.
pub(super) fn encode(edit: &Edit) -> String {
    let fields: Vec<String> = match edit {
        Edit::Score {
            criterion,
            slot,
            value,
            at,
        } => vec![
            "score".into(),
            criterion.clone(),
            slot_key(slot),
            answer_key(*value),
            at.to_string(),
        ],
        Edit::Agreement {
            criterion,
            value,
            at,
        } => vec![
            "agreement".into(),
            criterion.clone(),
            value.map_or_else(String::new, |level| level.key().to_string()),
            at.to_string(),
        ],
        Edit::Skipped {
            criterion,
            value,
            at,
        } => vec![
            "skipped".into(),
            criterion.clone(),
            if *value { "1" } else { "0" }.into(),
            at.to_string(),
        ],
        Edit::Splice {
            criterion,
            text,
            offset,
            removed,
            inserted,
            at,
        } => vec![
            "splice".into(),
            criterion.clone(),
            text_key(text),
            offset.to_string(),
            removed.to_string(),
            inserted.clone(),
            at.to_string(),
        ],
        Edit::Private {
            criterion,
            text,
            value,
            at,
        } => vec![
            "private".into(),
            criterion.clone(),
            text_key(text),
            if *value { "1" } else { "0" }.into(),
            at.to_string(),
        ],
        Edit::Agenda {
            criterion,
            change,
            at,
        } => {
            let mut fields = vec!["agenda".into(), criterion.clone()];
            fields.extend(agenda_fields(change));
            fields.push(at.to_string());
            fields
        }
        Edit::Override(value) => match value {
            Some(over) => vec![
                "override".into(),
                over.verdict.key().into(),
                over.rationale.clone(),
            ],
            None => vec!["override".into(), String::new(), String::new()],
        },
        Edit::Resolve {
            criterion,
            field,
            value,
            at,
        } => vec![
            "resolve".into(),
            criterion.clone(),
            field.clone(),
            field_value_key(value),
            at.to_string(),
        ],
    };
    fields
        .iter()
        .map(|field| escape(field))
        .collect::<Vec<_>>()
        .join("\t")
}

pub(super) fn decode(fields: &[String]) -> Option<Edit> {
    let field = |index: usize| fields.get(index).map(String::as_str);
    let time = |index: usize| field(index)?.parse::<Timestamp>().ok();
    Some(match field(0)? {
        "score" => Edit::Score {
            criterion: field(1)?.to_string(),
            slot: parse_slot(field(2)?)?,
            value: parse_answer(field(3)?)?,
            at: time(4)?,
        },
        "agreement" => Edit::Agreement {
            criterion: field(1)?.to_string(),
            value: match field(2)? {
                "" => None,
                key => Some(Agreement::from_key(key)?),
            },
            at: time(3)?,
        },
        "skipped" => Edit::Skipped {
            criterion: field(1)?.to_string(),
            value: field(2)? == "1",
            at: time(3)?,
        },
        "private" => Edit::Private {
            criterion: field(1)?.to_string(),
            text: parse_text_key(field(2)?)?,
            value: field(3)? == "1",
            at: time(4)?,
        },
        "splice" => Edit::Splice {
            criterion: field(1)?.to_string(),
            text: parse_text_key(field(2)?)?,
            offset: field(3)?.parse().ok()?,
            removed: field(4)?.parse().ok()?,
            inserted: field(5)?.to_string(),
            at: time(6)?,
        },
        "agenda" => {
            // criterion, the change's own fields, then the time last.
            let (last, middle) = fields.get(2..)?.split_last()?;
            let middle: Vec<&str> = middle.iter().map(String::as_str).collect();
            Edit::Agenda {
                criterion: field(1)?.to_string(),
                change: parse_agenda(&middle)?,
                at: last.parse().ok()?,
            }
        }
        "override" => Edit::Override(match field(1)? {
            "" => None,
            // Unknown keys of the override are not journaled; `Edit::apply`
            // keeps the ones the scan already has.
            key => Some(VerdictOverride {
                verdict: Verdict::from_key(key)?,
                rationale: field(2)?.to_string(),
                extra: crate::model::Extra::default(),
            }),
        }),
        "resolve" => Edit::Resolve {
            criterion: field(1)?.to_string(),
            field: field(2)?.to_string(),
            value: parse_field_value(field(3)?)?,
            at: time(4)?,
        },
        _ => return None,
    })
}

// --- Many-scans records: the choice on a merge conflict.

/// A conflict value as one journal field: `e` (empty), `a:<answer>`,
/// `g:<agreement>` or `t:<text>`. Values of fields this build does not know
/// are never resolved in the interface, so they are never journaled.
pub(super) fn field_value_key(value: &FieldValue) -> String {
    match value {
        FieldValue::Empty | FieldValue::Other(_) => "e".into(),
        FieldValue::Answer(answer) => format!("a:{}", answer_key(Some(*answer))),
        FieldValue::Agreement(level) => format!("g:{}", level.key()),
        FieldValue::Text(text) => format!("t:{text}"),
        FieldValue::Date(date) => format!("d:{date}"),
    }
}

/// Reads what `field_value_key` wrote, with the checks loading applies: a
/// text with a control character (other than tab and newline) or a bidi
/// control is refused, so the replay stops there.
pub(super) fn parse_field_value(key: &str) -> Option<FieldValue> {
    if key == "e" {
        return Some(FieldValue::Empty);
    }
    let (kind, rest) = key.split_once(':')?;
    match kind {
        "a" => Some(FieldValue::Answer(parse_answer(rest)??)),
        "g" => Some(FieldValue::Agreement(Agreement::from_key(rest)?)),
        "d" => Some(FieldValue::Date(rest.parse().ok()?)),
        "t" if crate::model::gate::first_refused(rest, crate::model::gate::Shape::Text)
            .is_none() =>
        {
            Some(FieldValue::Text(rest.to_string()))
        }
        _ => None,
    }
}
