//! The agenda edits through the journal as recovery sees them: written,
//! replayed after a crash onto the file they were made for (the same
//! `Edit::apply` as on screen), and set aside when they do not fit.

use std::path::Path;

use jiff::Timestamp;
use zelfscan::model::edit::{AgendaEdit, Edit, TextSlot};
use zelfscan::model::{ActionStatus, Scan};
use zelfscan::storage::journal::{JournalWriter, content_hash};
use zelfscan::storage::recovery::{Recovery, open_with_journal};
use zelfscan::storage::{self, load_scan};

fn at() -> Timestamp {
    "2027-01-10T10:00:00Z".parse().expect("timestamp")
}

fn agenda(criterion: &str, change: AgendaEdit) -> Edit {
    Edit::Agenda {
        criterion: criterion.into(),
        change,
        at: at(),
    }
}

fn splice(criterion: &str, text: TextSlot, inserted: &str) -> Edit {
    Edit::Splice {
        criterion: criterion.into(),
        text,
        offset: 0,
        removed: 0,
        inserted: inserted.into(),
        at: at(),
    }
}

/// A copy of the schema-2 example in a fresh folder.
fn example_in_temp_dir() -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("turfvaart.toml");
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scans/examples/vervolgtraject.toml"),
    )
    .expect("example");
    std::fs::write(&path, &bytes).expect("copy");
    (dir, path, bytes)
}

fn every_agenda_edit() -> Vec<Edit> {
    vec![
        agenda("VIS-1", AgendaEdit::AddAction),
        splice("VIS-1", TextSlot::ActionWhat(0), "Raadsbrief\nmet € en ë"),
        splice("VIS-1", TextSlot::ActionOwner(0), "Henk Mulder"),
        agenda(
            "VIS-1",
            AgendaEdit::ActionDue(0, Some(jiff::civil::date(2027, 2, 28))),
        ),
        agenda("VIS-1", AgendaEdit::ActionStatus(0, ActionStatus::Ongoing)),
        agenda("VIS-1", AgendaEdit::AmbitionLevel(Some(3))),
        agenda(
            "VIS-1",
            AgendaEdit::AmbitionDue(Some(jiff::civil::date(2027, 12, 31))),
        ),
        splice("VIS-1", TextSlot::AmbitionNeeded, "Een raadsvoorstel"),
        agenda("SAM-1", AgendaEdit::RemoveAction(1)),
        agenda("SAM-1", AgendaEdit::ActionStatus(0, ActionStatus::Done)),
        Edit::Private {
            criterion: "SAM-1".into(),
            text: TextSlot::ActionWhat(0),
            value: true,
            at: at(),
        },
    ]
}

#[test]
fn action_edits_are_replayed_after_a_crash() {
    let (_dir, path, bytes) = example_in_temp_dir();
    let edits = every_agenda_edit();
    let mut journal = JournalWriter::start(&path, content_hash(&bytes)).expect("start");
    journal.append(&edits).expect("append");
    drop(journal); // killed before any save

    let opened = open_with_journal(&path, false).expect("open");
    assert!(
        matches!(
            opened.recovery,
            Recovery::Replayed {
                edits: 11,
                torn: false,
                ..
            }
        ),
        "{:?}",
        opened.recovery
    );
    let mut expected: Scan = load_scan(&path).expect("load").value;
    for edit in &edits {
        edit.apply(&mut expected).expect("applies");
    }
    assert_eq!(opened.loaded.value, expected);
    let vis1 = &expected.answers[0];
    assert_eq!(vis1.actions[0].what, "Raadsbrief\nmet € en ë");
    assert_eq!(vis1.actions[0].owner, "Henk Mulder");
    assert_eq!(vis1.actions[0].status, ActionStatus::Ongoing);
    assert_eq!(vis1.ambition.as_ref().and_then(|a| a.level), Some(3));

    // What was recovered saves and loads back the same.
    let text = storage::scan_to_toml(&opened.loaded.value);
    let reloaded = storage::parse_scan(&text).expect("parses").value;
    assert_eq!(reloaded, expected);
}

#[test]
fn an_action_edit_that_does_not_fit_sets_the_journal_aside() {
    let (_dir, path, bytes) = example_in_temp_dir();
    let mut journal = JournalWriter::start(&path, content_hash(&bytes)).expect("start");
    // VIS-1 has no action 5, and 9 is not on the scale.
    journal
        .append(&[agenda(
            "VIS-1",
            AgendaEdit::ActionStatus(5, ActionStatus::Done),
        )])
        .expect("append");
    drop(journal);
    let opened = open_with_journal(&path, false).expect("open");
    // The gate refuses it: the journal is kept aside, the file untouched.
    assert!(
        matches!(opened.recovery, Recovery::Rejected { restored: 0, .. }),
        "{:?}",
        opened.recovery
    );
    assert_eq!(std::fs::read(&path).expect("read"), bytes);

    let mut journal = JournalWriter::start(&path, content_hash(&bytes)).expect("start");
    journal
        .append(&[agenda("VIS-1", AgendaEdit::AmbitionLevel(Some(9)))])
        .expect("append");
    drop(journal);
    let opened = open_with_journal(&path, false).expect("open");
    assert!(
        matches!(
            opened.recovery,
            Recovery::Rejected {
                restored: 0,
                reason: zelfscan::model::gate::Rejection::NotOnScale(9),
                ..
            }
        ),
        "{:?}",
        opened.recovery
    );
    assert_eq!(std::fs::read(&path).expect("read"), bytes);
}

#[test]
fn a_wrong_agenda_value_in_a_file_is_reported_with_its_place() {
    use zelfscan::storage::{InvalidReason, ProblemKind};
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scans/examples/vervolgtraject.toml"),
    )
    .expect("example");
    let cases = [
        (
            "status = \"lopend\"",
            "status = \"gedaan\"",
            "answers.INK-1.actions[0].status",
            InvalidReason::BadActionStatus,
        ),
        (
            "due = 2027-04-30",
            "due = 2027-04-30T10:00:00",
            "answers.INK-1.actions[0].due",
            InvalidReason::BadDate,
        ),
        (
            "level = 4",
            "level = 7",
            "answers.SCH-2.ambition.level",
            InvalidReason::NotOnScale,
        ),
    ];
    for (from, to, key, reason) in cases {
        assert!(text.contains(from), "{from}");
        let broken = text.replacen(from, to, 1);
        let problems = storage::parse_scan(&broken).expect_err("refused");
        let line = broken[..broken.find(to).expect("there")].lines().count() + 1;
        assert!(
            problems.iter().any(|problem| problem.line == line
                && matches!(&problem.kind, ProblemKind::InvalidValue { key: k, reason: r, .. }
                    if k == key && *r == reason)),
            "{key}: {problems:#?}"
        );
    }
}
