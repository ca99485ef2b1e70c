//! Merging scans of one framework: homework of several sides (or several
//! participants of one side) gathered into one scan, and the three-way merge
//! git asks for. Matched by criterion id and field; where sources give one
//! field different values, the result keeps every value as an attributed
//! [`FieldConflict`] and leaves the field empty until someone chooses.
//! Nothing is dropped: what cannot be matched is listed. An ambition's
//! fields merge like any other field; actions are never in conflict: every
//! distinct action of every source is kept (the same action in several
//! sources once). Pure: scans in, a scan out.

mod three_way;

pub use three_way::merge_three_way;

use super::agenda::AgendaAction;
use super::conflict::{
    ConflictOption, FieldConflict, FieldValue, field_paths, get_field, set_field,
};
use super::framework::Framework;
use super::scan::{CriterionAnswer, Participant, Scan};

/// Why scans cannot be merged at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("nothing to merge")]
    NoInputs,
    /// Scans of different frameworks do not share criteria by design.
    #[error("different frameworks: {first} and {other}")]
    DifferentFrameworks { first: String, other: String },
}

/// A recorded value the result has no place for: its criterion or
/// perspective is not in the result's framework.
#[derive(Debug, Clone, PartialEq)]
pub struct Unmatched {
    pub from: String,
    pub criterion_id: String,
    /// The field path, e.g. `consensus` or `jeugdigen.note`.
    pub field: String,
    pub value: FieldValue,
}

/// The merged scan and what needs a person.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeOutcome {
    pub scan: Scan,
    /// How many fields hold a conflict.
    pub conflicts: usize,
    pub unmatched: Vec<Unmatched>,
    /// Scan-level fields (region, date, ...) both sides changed differently;
    /// the first source's value was kept.
    pub meta_differences: Vec<String>,
}

impl MergeOutcome {
    /// True when nothing needs a person.
    pub fn is_clean(&self) -> bool {
        self.conflicts == 0 && self.unmatched.is_empty() && self.meta_differences.is_empty()
    }
}

/// The candidates one source offers for one field: its conflict's options
/// when it holds a conflict there, else its value (when not empty).
fn candidates(
    answer: &CriterionAnswer,
    framework: &Framework,
    field: &str,
    from: &str,
) -> Vec<ConflictOption> {
    if let Some(conflict) = answer.conflicts.iter().find(|c| c.field == field) {
        return conflict.options.clone();
    }
    match get_field(answer, framework, field) {
        Some(value) if !value.is_empty() => vec![ConflictOption {
            from: from.to_string(),
            value,
        }],
        _ => Vec::new(),
    }
}

/// Identical values share one option; the sources are joined.
fn add_option(options: &mut Vec<ConflictOption>, option: ConflictOption) {
    match options.iter_mut().find(|known| known.value == option.value) {
        Some(known) => {
            for name in option.from.split(", ") {
                if !known.from.split(", ").any(|n| n == name) {
                    known.from.push_str(", ");
                    known.from.push_str(name);
                }
            }
        }
        None => options.push(option),
    }
}

/// Puts `options` into `field` of `target`: one value is the value, more are
/// a conflict. Returns whether a conflict was made.
fn settle(
    target: &mut CriterionAnswer,
    framework: &Framework,
    field: &str,
    options: Vec<ConflictOption>,
) -> bool {
    target.conflicts.retain(|c| c.field != field);
    match options.len() {
        0 => {
            set_field(target, framework, field, &FieldValue::Empty);
            false
        }
        1 => {
            set_field(target, framework, field, &options[0].value);
            false
        }
        _ => {
            set_field(target, framework, field, &FieldValue::Empty);
            target.conflicts.push(FieldConflict {
                field: field.to_string(),
                options,
            });
            true
        }
    }
}

/// The flags and unknown keys of `source` joined into `target`: a private
/// mark from any source stays, unknown keys the target lacks are added.
fn join_rest(
    target: &mut CriterionAnswer,
    source: &CriterionAnswer,
    framework: &Framework,
    source_framework: &Framework,
) {
    target.consensus_note_private |= source.consensus_note_private;
    target.skipped |= source.skipped;
    target.changed_at = target.changed_at.max(source.changed_at);
    // Unknown keys of the ambition, as of the answer.
    if let Some(theirs) = source.ambition.as_ref().filter(|a| !a.extra.is_empty()) {
        let mine = target.ambition.get_or_insert_with(Default::default);
        for (key, value) in theirs.extra.iter() {
            if mine.extra.get(key).is_none() {
                mine.extra.insert(key, value.clone());
            }
        }
    }
    for (key, value) in source.extra.iter() {
        if target.extra.get(key).is_none() {
            target.extra.insert(key, value.clone());
        }
    }
    for (perspective, view) in source_framework
        .perspectives
        .iter()
        .zip(&source.perspectives)
    {
        if let Some(mine) = framework
            .perspective_index(&perspective.id)
            .and_then(|index| target.perspectives.get_mut(index))
        {
            mine.note_private |= view.note_private;
            for (key, value) in view.extra.iter() {
                if mine.extra.get(key).is_none() {
                    mine.extra.insert(key, value.clone());
                }
            }
        }
    }
    // Conflicts on fields this build does not know travel along as they are.
    for conflict in &source.conflicts {
        if !field_paths(framework).contains(&conflict.field)
            && !target.conflicts.iter().any(|c| c.field == conflict.field)
        {
            target.conflicts.push(conflict.clone());
        }
    }
}

/// Adds the actions of `source` that `target` does not hold yet: an action
/// is the same action only when every part of it is the same, so nothing an
/// action says is ever lost.
fn join_actions(target: &mut Vec<AgendaAction>, source: &[AgendaAction]) {
    for action in source {
        if !target.contains(action) {
            target.push(action.clone());
        }
    }
}

/// An action as one line, for the list of what could not be matched.
fn action_text(action: &AgendaAction) -> String {
    let mut parts = vec![action.what.clone()];
    if !action.owner.is_empty() {
        parts.push(action.owner.clone());
    }
    if let Some(due) = action.due {
        parts.push(due.to_string());
    }
    parts.push(action.status.key().to_string());
    parts.join(" · ")
}

/// Every recorded field of `answer` under a path `framework` lacks; for a
/// criterion the result lacks altogether, its actions too.
fn unmatched_fields(
    answer: &CriterionAnswer,
    source_framework: &Framework,
    framework: &Framework,
    criterion_id: &str,
    from: &str,
    whole_criterion: bool,
    out: &mut Vec<Unmatched>,
) {
    let known = field_paths(framework);
    for field in field_paths(source_framework) {
        if !whole_criterion && known.contains(&field) {
            continue;
        }
        for option in candidates(answer, source_framework, &field, from) {
            out.push(Unmatched {
                from: option.from,
                criterion_id: criterion_id.to_string(),
                field: field.clone(),
                value: option.value,
            });
        }
    }
    if whole_criterion {
        for (index, action) in answer.actions.iter().enumerate() {
            out.push(Unmatched {
                from: from.to_string(),
                criterion_id: criterion_id.to_string(),
                field: format!("actions.{index}"),
                value: FieldValue::Text(action_text(action)),
            });
        }
    }
}

fn same_person(a: &Participant, b: &Participant) -> bool {
    a.name == b.name && a.perspective == b.perspective
}

/// Gathers scans of one framework into one. `inputs` are (source name, scan);
/// the first scan's framework and scan-level details lead.
pub fn merge(inputs: &[(String, Scan)]) -> Result<MergeOutcome, MergeError> {
    let (_, first) = inputs.first().ok_or(MergeError::NoInputs)?;
    if let Some((_, other)) = inputs
        .iter()
        .find(|(_, s)| s.framework.id != first.framework.id)
    {
        return Err(MergeError::DifferentFrameworks {
            first: first.framework.id.clone(),
            other: other.framework.id.clone(),
        });
    }
    let framework = &first.framework;
    let mut scan = Scan::new(first.meta.clone(), framework.clone());
    scan.meta.participants.clear();
    scan.verdict_override = first.verdict_override.clone();
    scan.extra = first.extra.clone();
    let mut meta_differences = Vec::new();
    for (name, other) in inputs {
        for participant in &other.meta.participants {
            if !scan
                .meta
                .participants
                .iter()
                .any(|p| same_person(p, participant))
            {
                scan.meta.participants.push(participant.clone());
            }
        }
        if scan.meta.facilitator.is_empty() {
            scan.meta.facilitator.clone_from(&other.meta.facilitator);
        }
        if scan.meta.note_taker.is_empty() {
            scan.meta.note_taker.clone_from(&other.meta.note_taker);
        }
        if other.meta.region != first.meta.region {
            meta_differences.push(format!("region ({name})"));
        }
        if scan.verdict_override.is_none() {
            scan.verdict_override.clone_from(&other.verdict_override);
        }
        for (key, value) in other.extra.iter() {
            if scan.extra.get(key).is_none() {
                scan.extra.insert(key, value.clone());
            }
        }
    }
    // A merge of homework for one side is still homework for that side.
    let sides: Vec<&Option<String>> = inputs.iter().map(|(_, s)| &s.prepared_for).collect();
    scan.prepared_for = if sides.iter().all(|side| *side == sides[0]) {
        sides[0].clone()
    } else {
        None
    };

    let mut conflicts = 0;
    let mut unmatched = Vec::new();
    let fields = field_paths(framework);
    for (index, entry) in framework.criteria().enumerate() {
        let id = &entry.criterion.id;
        let target = &mut scan.answers[index];
        for field in &fields {
            let mut options = Vec::new();
            for (name, input) in inputs {
                if let Some(answer) = input
                    .framework
                    .criterion_index(id)
                    .and_then(|i| input.answers.get(i))
                {
                    for option in candidates(answer, &input.framework, field, name) {
                        add_option(&mut options, option);
                    }
                }
            }
            conflicts += usize::from(settle(target, framework, field, options));
        }
        for (name, input) in inputs {
            if let Some(answer) = input
                .framework
                .criterion_index(id)
                .and_then(|i| input.answers.get(i))
            {
                join_rest(target, answer, framework, &input.framework);
                join_actions(&mut target.actions, &answer.actions);
                unmatched_fields(
                    answer,
                    &input.framework,
                    framework,
                    id,
                    name,
                    false,
                    &mut unmatched,
                );
            }
        }
        conflicts += target
            .conflicts
            .iter()
            .filter(|c| !fields.contains(&c.field))
            .count();
    }
    for (name, input) in inputs {
        for (entry, answer) in input.framework.criteria().zip(&input.answers) {
            if framework.criterion_index(&entry.criterion.id).is_none() {
                unmatched_fields(
                    answer,
                    &input.framework,
                    framework,
                    &entry.criterion.id,
                    name,
                    true,
                    &mut unmatched,
                );
            }
        }
    }
    Ok(MergeOutcome {
        scan,
        conflicts,
        unmatched,
        meta_differences,
    })
}
