//! `zelfscan actions`: the action list across scans in every format, the
//! iCalendar file parsed back (unfolded by hand and by the `icalendar`
//! crate's own parser) with its fields checked, and the command run as a user
//! would.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::str::contains;
use zelfscan::i18n::Lang;
use zelfscan::model::{ActionStatus, Scan};
use zelfscan::report::actions::{ActionsFormat, render_actions};
use zelfscan::storage;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scans/examples")
        .join(format!("{name}.toml"))
}

fn load(name: &str) -> Scan {
    storage::load_scan(&example(name)).expect("loads").value
}

fn stamp() -> jiff::Timestamp {
    "2026-12-01T09:30:00Z".parse().expect("timestamp")
}

fn render(scans: &[&Scan], format: ActionsFormat, today: jiff::civil::Date) -> String {
    render_actions(scans, format, Lang::Nl.catalogue(), today, stamp())
}

/// The content lines of an iCalendar text: CRLF line ends, and a line that
/// starts with a space continues the one before (RFC 5545, 3.1).
fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in text.split("\r\n") {
        if let Some(rest) = line.strip_prefix(' ') {
            lines.last_mut().expect("a line to continue").push_str(rest);
        } else if !line.is_empty() {
            lines.push(line.to_string());
        }
    }
    lines
}

/// The VTODOs as lists of (name with parameters, value).
fn read_todos(text: &str) -> Vec<Vec<(String, String)>> {
    let mut found = Vec::new();
    let mut current: Option<Vec<(String, String)>> = None;
    for line in unfold(text) {
        match line.as_str() {
            "BEGIN:VTODO" => current = Some(Vec::new()),
            "END:VTODO" => found.push(current.take().expect("inside a VTODO")),
            _ => {
                if let Some(todo) = &mut current {
                    let (name, value) = line.split_once(':').expect("name:value");
                    todo.push((name.to_string(), value.to_string()));
                }
            }
        }
    }
    found
}

fn field<'a>(todo: &'a [(String, String)], name: &str) -> &'a str {
    todo.iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
        .unwrap_or_else(|| panic!("no {name} in {todo:?}"))
}

#[test]
fn the_calendar_has_one_todo_per_action_with_a_due_date() {
    let first = load("vervolgtraject");
    let second = load("robuust-met-aandachtspunten");
    let scans = [&first, &second];
    let today = jiff::civil::date(2026, 12, 1);
    let text = render(&scans, ActionsFormat::Ics, today);

    // Folded lines: CRLF only, at most 75 octets, never inside a character.
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "bare LF in {text}"
    );
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));

    let expected: Vec<_> = scans
        .iter()
        .flat_map(|scan| scan.answers.iter().flat_map(|answer| &answer.actions))
        .filter(|action| action.due.is_some())
        .collect();
    let without_date = scans
        .iter()
        .flat_map(|scan| scan.answers.iter().flat_map(|answer| &answer.actions))
        .filter(|action| action.due.is_none())
        .count();
    assert!(
        without_date > 0,
        "the examples should hold an action without a date"
    );
    let todos = read_todos(&text);
    assert_eq!(todos.len(), expected.len());

    // The earliest first: SCH-4 of Turfvaart, due 15 December 2026.
    let first_todo = &todos[0];
    assert_eq!(field(first_todo, "DUE;VALUE=DATE"), "20261215");
    assert_eq!(field(first_todo, "STATUS"), "NEEDS-ACTION");
    assert_eq!(field(first_todo, "DTSTAMP"), "20261201T093000Z");
    let summary = field(first_todo, "SUMMARY");
    assert!(
        summary.starts_with("SCH-4 Nagaan of het continuïteitsplan"),
        "{summary}"
    );
    let description = field(first_todo, "DESCRIPTION");
    assert!(
        description.contains("Eigenaar: Anouk Jansma"),
        "{description}"
    );
    assert!(
        description.contains("Regio Turfvaart (fictief)"),
        "{description}"
    );

    // An action under way is IN-PROCESS.
    assert!(
        todos
            .iter()
            .any(|todo| field(todo, "STATUS") == "IN-PROCESS"
                && field(todo, "SUMMARY").starts_with("INK-1 "))
    );

    // UIDs: unique, and the same in the next export.
    let uids: Vec<&str> = todos.iter().map(|todo| field(todo, "UID")).collect();
    let mut unique = uids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), uids.len(), "{uids:?}");
    let again = render(&scans, ActionsFormat::Ics, today);
    let uids_again: Vec<String> = read_todos(&again)
        .iter()
        .map(|todo| field(todo, "UID").to_string())
        .collect();
    assert_eq!(uids, uids_again);

    // The crate's own parser reads it back with the same to-dos.
    let parsed: icalendar::Calendar = text.parse().expect("parses");
    let parsed_todos: Vec<_> = parsed
        .components
        .iter()
        .filter_map(|component| match component {
            icalendar::CalendarComponent::Todo(todo) => Some(todo),
            _ => None,
        })
        .collect();
    assert_eq!(parsed_todos.len(), expected.len());
    use icalendar::Component;
    assert_eq!(
        parsed_todos[0].get_summary().map(str::to_string),
        Some(summary.replace("\\;", ";").replace("\\,", ","))
    );
}

#[test]
fn overdue_actions_are_marked_in_words() {
    let scan = load("vervolgtraject");
    let later = jiff::civil::date(2027, 4, 1);
    let text = render(&[&scan], ActionsFormat::Markdown, later);
    let overdue_lines: Vec<&str> = text
        .lines()
        .filter(|line| line.contains("TE LAAT"))
        .collect();
    // Due before 1 April 2027 and still open: SCH-4, SAM-1 (Kanaalzijde),
    // VIS-3, STR-1, SCH-2.
    assert_eq!(overdue_lines.len(), 5, "{text}");
    assert!(text.contains("7 acties, 5 te laat"), "{text}");

    let mut done = scan.clone();
    for answer in &mut done.answers {
        for action in &mut answer.actions {
            action.status = ActionStatus::Done;
        }
    }
    let text = render(&[&done], ActionsFormat::Markdown, later);
    assert!(!text.contains("TE LAAT"), "{text}");
}

#[test]
fn csv_and_json_list_every_action_with_owner_date_and_status() {
    let scan = load("vervolgtraject");
    let today = jiff::civil::date(2026, 12, 1);
    let csv = render(&[&scan], ActionsFormat::Csv, today);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().expect("header").clone();
    assert_eq!(&header[4], "Eigenaar");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 7);
    assert_eq!(&rows[0][1], "SCH-4");
    assert_eq!(&rows[0][5], "2026-12-15");
    assert_eq!(&rows[0][6], "open");

    let json: serde_json::Value =
        serde_json::from_str(&render(&[&scan], ActionsFormat::Json, today)).expect("json");
    let actions = json["actions"].as_array().expect("list");
    assert_eq!(actions.len(), 7);
    assert_eq!(actions[0]["criterion"], "SCH-4");
    assert_eq!(actions[0]["owner"], "Anouk Jansma");
    assert_eq!(actions[0]["due"], "2026-12-15");
    assert_eq!(actions[0]["status"], "open");
    assert_eq!(actions[0]["overdue"], false);
}

#[test]
fn the_command_writes_the_calendar_to_a_file() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = home.path().join("acties.ics");
    Command::new(env!("CARGO_BIN_EXE_zelfscan"))
        .env("ZELFSCAN_HOME", home.path())
        .env("ZELFSCAN_LANG", "nl")
        .current_dir(home.path())
        .arg("actions")
        .arg(example("vervolgtraject"))
        .arg(example("robuust"))
        .args(["--format", "ics", "--output"])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).expect("written");
    assert_eq!(read_todos(&text).len(), 11);

    Command::new(env!("CARGO_BIN_EXE_zelfscan"))
        .env("ZELFSCAN_HOME", home.path())
        .env("ZELFSCAN_LANG", "nl")
        .current_dir(home.path())
        .arg("actions")
        .arg(example("robuust"))
        .assert()
        .success()
        .stdout(contains("# Regionale agenda: acties"))
        .stdout(contains("Eigenaar: Joost Hendriksma"));
}

#[test]
fn a_broken_scan_writes_nothing() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = home.path().join("acties.md");
    let broken =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/scan-bad-date.toml");
    Command::new(env!("CARGO_BIN_EXE_zelfscan"))
        .env("ZELFSCAN_HOME", home.path())
        .env("ZELFSCAN_LANG", "nl")
        .current_dir(home.path())
        .arg("actions")
        .arg(example("robuust"))
        .arg(&broken)
        .arg("--output")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("scan-bad-date.toml"));
    assert!(!out.exists());
}

/// The VEVENTs as lists of (name with parameters, value).
fn read_events(text: &str) -> Vec<Vec<(String, String)>> {
    read_todos(&text.replace("VEVENT", "VTODO"))
}

#[test]
fn the_event_calendar_has_an_all_day_event_per_action_with_a_due_date() {
    let scan = load("vervolgtraject");
    let today = jiff::civil::date(2026, 12, 1);
    let text = render(&[&scan], ActionsFormat::IcsEvents, today);
    assert!(!text.contains("VTODO"), "{text}");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line}");
    }
    let events = read_events(&text);
    assert_eq!(events.len(), 7);
    let first = &events[0];
    assert_eq!(field(first, "DTSTART;VALUE=DATE"), "20261215");
    // All day: the end is exclusive, the next day.
    assert_eq!(field(first, "DTEND;VALUE=DATE"), "20261216");
    assert_eq!(field(first, "STATUS"), "CONFIRMED");
    assert!(field(first, "UID").starts_with("event-"));
    let parsed: icalendar::Calendar = text.parse().expect("parses");
    let parsed_events = parsed
        .components
        .iter()
        .filter(|component| matches!(component, icalendar::CalendarComponent::Event(_)))
        .count();
    assert_eq!(parsed_events, 7);
}
