//! Property tests of merging: random edits of a common ancestor, merged, lose
//! nothing. Every field of every input is in the result, as its value or as
//! an option of a conflict attributed to that input, and every action of
//! every input is one of the result's actions; the result saves and loads
//! back as itself. The edits reach the agenda too: an ambition's level, date
//! and what it takes, and actions added, changed and removed.

use std::path::Path;

use proptest::prelude::*;
use zelfscan::model::conflict::{FieldValue, field_paths, get_field, set_field};
use zelfscan::model::merge::{merge, merge_three_way};
use zelfscan::model::{ActionStatus, AgendaAction, Agreement, Answer, Scan};
use zelfscan::storage::{load_scan, parse_scan, scan_to_toml};

fn ancestor() -> Scan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scans/examples/vervolgtraject.toml");
    load_scan(&path).expect("example loads").value
}

/// One edit: which criterion, which field (by position in `field_paths`),
/// and a seed for the value that fits the field.
type Edit = (usize, usize, u8, String);

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec((0usize..22, 0usize..16, 0u8..8, "[a-zé €\n]{0,12}"), 0..12)
}

/// One change to the actions: which criterion, what to do (add, change the
/// status or owner or due date of the first, remove the first) and seeds.
type ActionEdit = (usize, u8, u8, String);

fn action_edits() -> impl Strategy<Value = Vec<ActionEdit>> {
    proptest::collection::vec((0usize..22, 0u8..5, 0u8..8, "[a-zé ]{1,12}"), 0..6)
}

fn apply_actions(scan: &mut Scan, edits: &[ActionEdit]) {
    let count = scan.framework.criterion_count();
    for (criterion, kind, seed, words) in edits {
        let actions = &mut scan.answers[criterion % count].actions;
        let owner = ["", "Sanne Verhoef", "Erik Bos"][usize::from(*seed % 3)];
        let status = [
            ActionStatus::Open,
            ActionStatus::Ongoing,
            ActionStatus::Done,
            ActionStatus::Dropped,
        ][usize::from(*seed % 4)];
        match (kind, actions.first_mut()) {
            (1, Some(first)) => first.status = status,
            (2, Some(first)) => first.owner = owner.to_string(),
            (3, Some(first)) => first.due = jiff::civil::Date::new(2027, 3, 1 + *seed as i8).ok(),
            (4, Some(_)) => {
                actions.remove(0);
            }
            _ => actions.push(AgendaAction {
                what: format!("actie {}", words.trim()),
                owner: owner.to_string(),
                status,
                private: seed % 5 == 0,
                ..AgendaAction::default()
            }),
        }
    }
}

/// A value of the right kind for `field`, from the seed.
fn value_for(field: &str, seed: u8, words: &str) -> FieldValue {
    if field == "ambition.level" {
        match seed {
            0 => FieldValue::Empty,
            n => FieldValue::Answer(Answer::Score(n.clamp(1, 4))),
        }
    } else if field == "ambition.due" {
        match seed {
            0 => FieldValue::Empty,
            n => FieldValue::Date(jiff::civil::date(2027, 12, 20 + n as i8)),
        }
    } else if field == "consensus" || field.ends_with(".score") {
        match seed {
            0 => FieldValue::Empty,
            5 => FieldValue::Answer(Answer::Unknown),
            6 => FieldValue::Answer(Answer::NotApplicable),
            n => FieldValue::Answer(Answer::Score(n.clamp(1, 4))),
        }
    } else if field == "agreement" {
        match seed % 4 {
            0 => FieldValue::Empty,
            n => FieldValue::Agreement(Agreement::ALL[usize::from(n) - 1]),
        }
    } else if words.is_empty() {
        FieldValue::Empty
    } else {
        FieldValue::Text(words.to_string())
    }
}

fn apply(scan: &mut Scan, edits: &[Edit]) {
    let fields = field_paths(&scan.framework);
    let framework = scan.framework.clone();
    for (criterion, field, seed, words) in edits {
        let field = &fields[field % fields.len()];
        let value = value_for(field, *seed, words);
        let answer = &mut scan.answers[criterion % framework.criterion_count()];
        assert!(set_field(answer, &framework, field, &value));
    }
}

/// Whether `value` of `field` from `source` is in `result`'s criterion `index`.
fn kept(result: &Scan, index: usize, field: &str, value: &FieldValue, source: &str) -> bool {
    let answer = &result.answers[index];
    if get_field(answer, &result.framework, field).as_ref() == Some(value) {
        return true;
    }
    answer.conflicts.iter().any(|conflict| {
        conflict.field == field
            && conflict
                .options
                .iter()
                .any(|o| &o.value == value && o.from.split(", ").any(|name| name == source))
    })
}

/// Whether every action of `input` is among the result's actions of the
/// same criterion.
fn actions_kept(result: &Scan, input: &Scan) -> Result<(), TestCaseError> {
    for (index, answer) in input.answers.iter().enumerate() {
        for action in &answer.actions {
            prop_assert!(
                result.answers[index].actions.contains(action),
                "{} {:?} lost",
                index,
                action
            );
        }
    }
    Ok(())
}

fn round_trips(scan: &Scan) -> Result<(), TestCaseError> {
    let loaded = parse_scan(&scan_to_toml(scan))
        .map_err(|problems| TestCaseError::fail(format!("{problems:?}")))?;
    prop_assert_eq!(&loaded.value, scan);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn merging_edited_copies_keeps_every_field_of_every_input(
        all_edits in proptest::collection::vec((edits(), action_edits()), 2..5)
    ) {
        let base = ancestor();
        let inputs: Vec<(String, Scan)> = all_edits
            .iter()
            .enumerate()
            .map(|(number, (edits, action_edits))| {
                let mut scan = base.clone();
                apply(&mut scan, edits);
                apply_actions(&mut scan, action_edits);
                (format!("deelnemer-{number}.toml"), scan)
            })
            .collect();
        let outcome = merge(&inputs).expect("same framework");
        let fields = field_paths(&base.framework);
        for (name, input) in &inputs {
            for (index, answer) in input.answers.iter().enumerate() {
                for field in &fields {
                    let value = get_field(answer, &input.framework, field).expect("field");
                    if value.is_empty() {
                        continue;
                    }
                    prop_assert!(
                        kept(&outcome.scan, index, field, &value, name),
                        "{} {} {:?} from {} lost", index, field, value, name
                    );
                }
            }
        }
        for (_, input) in &inputs {
            actions_kept(&outcome.scan, input)?;
        }
        prop_assert!(outcome.unmatched.is_empty());
        round_trips(&outcome.scan)?;
    }

    #[test]
    fn a_three_way_merge_keeps_both_sides_changes(
        our_edits in edits(),
        their_edits in edits(),
        our_actions in action_edits(),
        their_actions in action_edits(),
    ) {
        let base = ancestor();
        let mut ours = base.clone();
        apply(&mut ours, &our_edits);
        apply_actions(&mut ours, &our_actions);
        let mut theirs = base.clone();
        apply(&mut theirs, &their_edits);
        apply_actions(&mut theirs, &their_actions);
        let outcome = merge_three_way(&base, &ours, &theirs);
        let fields = field_paths(&base.framework);
        for index in 0..base.answers.len() {
            for field in &fields {
                let get = |scan: &Scan| {
                    get_field(&scan.answers[index], &scan.framework, field).expect("field")
                };
                let (b, o, t) = (get(&base), get(&ours), get(&theirs));
                if o != b {
                    prop_assert!(kept(&outcome.scan, index, field, &o, "ours") || (o.is_empty() && t == o) || get(&outcome.scan) == o,
                        "ours' {} {} {:?} lost", index, field, o);
                }
                if t != b {
                    prop_assert!(kept(&outcome.scan, index, field, &t, "theirs") || get(&outcome.scan) == t,
                        "theirs' {} {} {:?} lost", index, field, t);
                }
                if o == b && t == b {
                    prop_assert_eq!(get(&outcome.scan), b);
                }
            }
            // Actions: what either side added or changed is there; what
            // neither touched is there; only what one side removed and the
            // other left as it was may go.
            let result = &outcome.scan.answers[index].actions;
            let (b, o, t) = (
                &base.answers[index].actions,
                &ours.answers[index].actions,
                &theirs.answers[index].actions,
            );
            for action in o.iter().chain(t) {
                let new_here = !b.contains(action);
                let untouched = o.contains(action) && t.contains(action);
                if new_here || untouched {
                    prop_assert!(result.contains(action), "{} {:?} lost", index, action);
                }
            }
        }
        prop_assert_eq!(
            outcome.conflicts,
            outcome.scan.answers.iter().map(|a| a.conflicts.len()).sum::<usize>()
        );
        round_trips(&outcome.scan)?;
    }
}
