//! Property tests of merging: random edits of a common ancestor, merged, lose
//! nothing. Every field of every input is in the result, as its value or as
//! an option of a conflict attributed to that input; the result saves and
//! loads back as itself.

use std::path::Path;

use proptest::prelude::*;
use zelfscan::model::conflict::{FieldValue, field_paths, get_field, set_field};
use zelfscan::model::merge::{merge, merge_three_way};
use zelfscan::model::{Agreement, Answer, Scan};
use zelfscan::storage::{load_scan, parse_scan, scan_to_toml};

fn ancestor() -> Scan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scans/examples/vervolgtraject.toml");
    load_scan(&path).expect("example loads").value
}

/// One edit: which criterion, which field (by position in `field_paths`),
/// and a seed for the value that fits the field.
type Edit = (usize, usize, u8, String);

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec((0usize..22, 0usize..8, 0u8..8, "[a-zé €\n]{0,12}"), 0..12)
}

/// A value of the right kind for `field`, from the seed.
fn value_for(field: &str, seed: u8, words: &str) -> FieldValue {
    if field == "consensus" || field.ends_with(".score") {
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
        all_edits in proptest::collection::vec(edits(), 2..5)
    ) {
        let base = ancestor();
        let inputs: Vec<(String, Scan)> = all_edits
            .iter()
            .enumerate()
            .map(|(number, edits)| {
                let mut scan = base.clone();
                apply(&mut scan, edits);
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
        prop_assert!(outcome.unmatched.is_empty());
        round_trips(&outcome.scan)?;
    }

    #[test]
    fn a_three_way_merge_keeps_both_sides_changes(
        our_edits in edits(),
        their_edits in edits(),
    ) {
        let base = ancestor();
        let mut ours = base.clone();
        apply(&mut ours, &our_edits);
        let mut theirs = base.clone();
        apply(&mut theirs, &their_edits);
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
        }
        prop_assert_eq!(
            outcome.conflicts,
            outcome.scan.answers.iter().map(|a| a.conflicts.len()).sum::<usize>()
        );
        round_trips(&outcome.scan)?;
    }
}
