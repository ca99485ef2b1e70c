//! The three-way merge git asks a merge driver for (`zelfscan
//! merge-driver`): what `ours` and `theirs` each did to `base`, by criterion
//! and field; the same field changed differently on both sides becomes a
//! conflict with both values. Actions: what either side added stays, what
//! one side removed (or changed) and the other left as it was goes; the same
//! action changed differently on both sides is kept both ways.

use super::{MergeOutcome, add_option, candidates, join_rest, settle, unmatched_fields};
use crate::model::agenda::AgendaAction;
use crate::model::conflict::{ConflictOption, FieldValue, field_paths};
use crate::model::scan::{CriterionAnswer, Scan};

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

/// The three-way merge of a criterion's actions: `ours`, without what
/// `theirs` removed or changed and `ours` left as in `base`, then what
/// `theirs` added or changed. An action changed on both sides is there twice,
/// once as each side left it: never dropped.
fn three_way_actions(
    base: &[AgendaAction],
    ours: &[AgendaAction],
    theirs: &[AgendaAction],
) -> Vec<AgendaAction> {
    let mut merged: Vec<AgendaAction> = ours
        .iter()
        .filter(|action| !base.contains(action) || theirs.contains(action))
        .cloned()
        .collect();
    for action in theirs {
        if !base.contains(action) && !merged.contains(action) {
            merged.push(action.clone());
        }
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
        target.actions = three_way_actions(
            &base_answer.actions,
            &our_answer.actions,
            &their_answer.actions,
        );
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
