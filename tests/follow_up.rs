//! `zelfscan new --from OLD`: the follow-up scan carries the participants,
//! the ambitions and every unfinished action (marked as carried), the
//! walkthrough asks for each carried action's status when its criterion comes
//! up, and the report shows the progress on the agenda.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::str::contains;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use zelfscan::i18n::Lang;
use zelfscan::model::{ActionStatus, Scan};
use zelfscan::paths::Paths;
use zelfscan::report::{Format, render};
use zelfscan::storage;
use zelfscan::tui::action::{Action, OpenedScan};
use zelfscan::tui::app::{AgendaPart, App, Field, FrameworkChoice};
use zelfscan::tui::keymap;
use zelfscan::tui::update::update;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scans/examples/vervolgtraject.toml")
}

/// Runs `new --from` in a fresh home and loads what it wrote.
fn follow_up(home: &Path) -> Scan {
    let out = home.join("vervolg.toml");
    Command::new(env!("CARGO_BIN_EXE_zelfscan"))
        .env("ZELFSCAN_HOME", home)
        .env("ZELFSCAN_LANG", "nl")
        .current_dir(home)
        .args([
            "new",
            "--region",
            "Regio Turfvaart (fictief)",
            "--no-open",
            "--from",
        ])
        .arg(example())
        .arg("--output")
        .arg(&out)
        .assert()
        .success()
        .stdout(contains(
            "Overgenomen uit de scan van 2026-11-04: 7 openstaande acties en 4 ambities.",
        ));
    let bytes = std::fs::read(&out).expect("written");
    assert_eq!(storage::scan_schema_version(&bytes), Some(2));
    storage::load_scan(&out).expect("loads").value
}

#[test]
fn the_follow_up_carries_participants_ambitions_and_unfinished_actions() {
    let home = tempfile::tempdir().expect("temp dir");
    let new = follow_up(home.path());
    let old = storage::load_scan(&example()).expect("loads").value;
    assert_eq!(new.meta.participants, old.meta.participants);
    assert_eq!(new.framework.id, old.framework.id);
    assert!(new.answers.iter().all(|answer| answer.consensus.is_none()));
    for (index, answer) in old.answers.iter().enumerate() {
        let pending: Vec<_> = answer
            .actions
            .iter()
            .filter(|action| action.status.is_pending())
            .collect();
        let carried = &new.answers[index].actions;
        assert_eq!(carried.len(), pending.len());
        for (carried, original) in carried.iter().zip(pending) {
            assert_eq!(carried.what, original.what);
            assert_eq!(carried.owner, original.owner);
            assert_eq!(carried.due, original.due);
            assert_eq!(carried.status, original.status);
            assert_eq!(carried.carried_from, Some(old.meta.date));
        }
        assert_eq!(new.answers[index].ambition, answer.ambition);
    }
    // The file says where an action came from.
    let text = storage::scan_to_toml(&new);
    assert!(text.contains("carried_from = 2026-11-04"), "{text}");
}

fn walking(scan: Scan) -> App {
    let frameworks = storage::bundled_frameworks()
        .into_iter()
        .map(FrameworkChoice::bundled)
        .collect();
    let home = PathBuf::from("/zelfscan-test");
    let mut app = App::new(
        Lang::Nl.catalogue(),
        Paths::under(&home),
        frameworks,
        "2027-11-04T10:00:00Z".parse().expect("timestamp"),
    );
    app.colour = false;
    update(
        &mut app,
        Action::Opened(Ok(OpenedScan {
            scan: Box::new(scan),
            path: home.join("scans/vervolg.toml"),
            warnings: Vec::new(),
            recovered: None,
            read_only: false,
            banner: None,
        })),
    );
    app
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '>' => KeyCode::Right,
            other => KeyCode::Char(other),
        };
        let event = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(action) = keymap::action_for(keymap::context(app), event) {
            update(app, action);
        }
    }
}

#[test]
fn the_walkthrough_asks_for_each_carried_action_and_the_report_shows_progress() {
    let home = tempfile::tempdir().expect("temp dir");
    let new = follow_up(home.path());
    let mut app = walking(new);
    // VIS-1 carries nothing; VIS-3 (the third criterion) does.
    let walk = app.walkthrough().expect("walkthrough");
    assert_eq!(walk.current, 0);
    press(&mut app, "nn");
    let walk = app.walkthrough().expect("walkthrough");
    assert_eq!(walk.current, 2);
    assert_eq!(walk.focus, Field::Agenda(AgendaPart::Status(0)));
    let status = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.contains("Overgenomen actie"), "{status}");
    // Klaar.
    press(&mut app, "3");
    // SAM-1: two carried actions; the first is dropped, the second stays open.
    press(&mut app, "n");
    let walk = app.walkthrough().expect("walkthrough");
    assert_eq!(walk.focus, Field::Agenda(AgendaPart::Status(0)));
    press(&mut app, "4");

    let walk = app.walkthrough().expect("walkthrough");
    let scan = &walk.scan;
    let answer = |id: &str| &scan.answers[scan.framework.criterion_index(id).expect("id")];
    assert_eq!(answer("VIS-3").actions[0].status, ActionStatus::Done);
    assert_eq!(answer("SAM-1").actions[0].status, ActionStatus::Dropped);
    assert_eq!(answer("SAM-1").actions[1].status, ActionStatus::Open);
    let report = render(scan, Format::Markdown, Lang::Nl.catalogue());
    // 7 carried: 1 done, 1 dropped, 5 still to do (late is judged on the
    // follow-up's own date).
    assert!(report.contains("### Voortgang op de agenda"), "{report}");
    assert!(
        report.contains("Van de 7 overgenomen acties: 1 klaar"),
        "{report}"
    );
    assert!(report.contains("1 vervallen"), "{report}");
}
