//! Merging scans of one framework: homework of several sides (or several
//! participants of one side) gathered into one scan, and the three-way merge
//! git asks for. Matched by criterion id and field; where sources give one
//! field different values, the result keeps every value as an attributed
//! [`FieldConflict`] and leaves the field empty until someone chooses.
//! Nothing is dropped: what cannot be matched is listed. Pure: scans in, a
//! scan out.

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
    target.action_private |= source.action_private;
    target.skipped |= source.skipped;
    target.changed_at = target.changed_at.max(source.changed_at);
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

/// Every recorded field of `answer` under a path `framework` lacks.
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

/// The three-way merge of one field: what `ours` and `theirs` did to `base`.
fn three_way(
    base: &[ConflictOption],
    ours: Vec<ConflictOption>,
    theirs: Vec<ConflictOption>,
) -> Vec<ConflictOption> {
    let values = |options: &[ConflictOption]| -> Vec<FieldValue> {
        options.iter().map(|o| o.value.clone()).collect()
    };
    let (b, o, t) = (values(base), values(&ours), values(&theirs));
    if o == t || t == b {
        return ours;
    }
    if o == b {
        return theirs;
    }
    // Both changed it differently: every value, an empty one (cleared) included.
    let side = |options: Vec<ConflictOption>, name: &str| -> Vec<ConflictOption> {
        if options.is_empty() {
            vec![ConflictOption {
                from: name.to_string(),
                value: FieldValue::Empty,
            }]
        } else {
            options
        }
    };
    let mut merged = Vec::new();
    for option in side(ours, "ours").into_iter().chain(side(theirs, "theirs")) {
        add_option(&mut merged, option);
    }
    merged
}

/// Names a single-value candidate after the side it came from.
fn named(options: Vec<ConflictOption>, name: &str, single: bool) -> Vec<ConflictOption> {
    if single && options.len() == 1 {
        options
            .into_iter()
            .map(|o| ConflictOption {
                from: name.to_string(),
                value: o.value,
            })
            .collect()
    } else {
        options
    }
}

/// Scan-level three-way: `theirs` when only they changed it, else `ours`;
/// a difference is recorded when both changed it differently.
fn pick<T: PartialEq + Clone>(
    base: &T,
    ours: &T,
    theirs: &T,
    name: &str,
    differences: &mut Vec<String>,
) -> T {
    if ours == base {
        theirs.clone()
    } else {
        if theirs != base && theirs != ours {
            differences.push(name.to_string());
        }
        ours.clone()
    }
}

/// The merge git asks a merge driver for: `ours` and `theirs` both descend
/// from `base`. Edits to different criteria or fields combine; the same field
/// changed differently on both sides becomes a conflict with both values.
/// The result has `ours`'s framework; `theirs` is matched by criterion id.
pub fn merge_three_way(base: &Scan, ours: &Scan, theirs: &Scan) -> MergeOutcome {
    let framework = &ours.framework;
    let mut differences = Vec::new();
    let mut scan = ours.clone();
    scan.meta.region = pick(
        &base.meta.region,
        &ours.meta.region,
        &theirs.meta.region,
        "region",
        &mut differences,
    );
    scan.meta.date = pick(
        &base.meta.date,
        &ours.meta.date,
        &theirs.meta.date,
        "date",
        &mut differences,
    );
    scan.meta.facilitator = pick(
        &base.meta.facilitator,
        &ours.meta.facilitator,
        &theirs.meta.facilitator,
        "facilitator",
        &mut differences,
    );
    scan.meta.note_taker = pick(
        &base.meta.note_taker,
        &ours.meta.note_taker,
        &theirs.meta.note_taker,
        "note_taker",
        &mut differences,
    );
    scan.verdict_override = pick(
        &base.verdict_override,
        &ours.verdict_override,
        &theirs.verdict_override,
        "verdict_override",
        &mut differences,
    );
    scan.prepared_for = pick(
        &base.prepared_for,
        &ours.prepared_for,
        &theirs.prepared_for,
        "prepared_for",
        &mut differences,
    );
    // Participants: theirs' additions join, theirs' removals of untouched entries apply.
    for participant in &theirs.meta.participants {
        let new_there = !base.meta.participants.iter().any(|p| p == participant);
        if new_there && !scan.meta.participants.iter().any(|p| p == participant) {
            scan.meta.participants.push(participant.clone());
        }
    }
    scan.meta.participants.retain(|p| {
        let removed_there =
            base.meta.participants.contains(p) && !theirs.meta.participants.contains(p);
        !removed_there
    });
    for (key, value) in theirs.extra.iter() {
        if scan.extra.get(key).is_none() {
            scan.extra.insert(key, value.clone());
        }
    }

    let fields = field_paths(framework);
    let mut conflicts = 0;
    let mut unmatched = Vec::new();
    let empty = |scan: &Scan| CriterionAnswer::empty(scan.framework.perspectives.len());
    let (empty_base, empty_theirs) = (empty(base), empty(theirs));
    for (index, entry) in framework.criteria().enumerate() {
        let id = &entry.criterion.id;
        let find = |scan: &'_ Scan| -> Option<usize> { scan.framework.criterion_index(id) };
        let base_answer = find(base)
            .and_then(|i| base.answers.get(i))
            .unwrap_or(&empty_base);
        let their_answer = find(theirs)
            .and_then(|i| theirs.answers.get(i))
            .unwrap_or(&empty_theirs);
        let our_answer = ours.answers[index].clone();
        let target = &mut scan.answers[index];
        for field in &fields {
            let b = candidates(base_answer, &base.framework, field, "base");
            let o = named(
                candidates(&our_answer, framework, field, "ours"),
                "ours",
                our_answer.conflicts.iter().all(|c| &c.field != field),
            );
            let t = named(
                candidates(their_answer, &theirs.framework, field, "theirs"),
                "theirs",
                their_answer.conflicts.iter().all(|c| &c.field != field),
            );
            let options = three_way(&b, o, t);
            conflicts += usize::from(settle(target, framework, field, options));
        }
        if their_answer != base_answer {
            join_rest(target, their_answer, framework, &theirs.framework);
            // Flags are three-way too: a side that cleared one is heard.
            let flag = |b: bool, o: bool, t: bool| if o == b { t } else { o };
            target.skipped = flag(
                base_answer.skipped,
                our_answer.skipped,
                their_answer.skipped,
            );
            target.consensus_note_private = flag(
                base_answer.consensus_note_private,
                our_answer.consensus_note_private,
                their_answer.consensus_note_private,
            );
            target.action_private = flag(
                base_answer.action_private,
                our_answer.action_private,
                their_answer.action_private,
            );
            for perspective in &framework.perspectives {
                let private = |scan: &Scan, answer: &CriterionAnswer| {
                    scan.framework
                        .perspective_index(&perspective.id)
                        .and_then(|index| answer.perspectives.get(index))
                        .is_some_and(|view| view.note_private)
                };
                let value = flag(
                    private(base, base_answer),
                    private(ours, &our_answer),
                    private(theirs, their_answer),
                );
                if let Some(view) = framework
                    .perspective_index(&perspective.id)
                    .and_then(|index| target.perspectives.get_mut(index))
                {
                    view.note_private = value;
                }
            }
        }
        unmatched_fields(
            their_answer,
            &theirs.framework,
            framework,
            id,
            "theirs",
            false,
            &mut unmatched,
        );
        conflicts += target
            .conflicts
            .iter()
            .filter(|c| !fields.contains(&c.field))
            .count();
    }
    for (entry, answer) in theirs.framework.criteria().zip(&theirs.answers) {
        if framework.criterion_index(&entry.criterion.id).is_none() {
            unmatched_fields(
                answer,
                &theirs.framework,
                framework,
                &entry.criterion.id,
                "theirs",
                true,
                &mut unmatched,
            );
        }
    }
    MergeOutcome {
        scan,
        conflicts,
        unmatched,
        meta_differences: differences,
    }
}
