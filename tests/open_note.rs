//! Opening a scan with a long note: the note is taken from the file as it
//! stands when nothing in it needs decoding, and that gives exactly the scan,
//! warnings and errors that decoding it gives; the file's hash waits until
//! after the first frame when no journal needs it.

mod support;

use std::path::Path;

use zelfscan::model::{Scan, ScanMeta};
use zelfscan::storage::journal::{JournalWriter, content_hash, read_journal};
use zelfscan::storage::{self, LoadError, recovery};
use zelfscan::tui::app::App;
use zelfscan::tui::effect::Io;

const MARK: &str = "MARK-THE-NOTE";

fn scan() -> Scan {
    let meta = ScanMeta {
        region: "Regio Zeeduinen".into(),
        date: "2026-11-25".parse().expect("date"),
        facilitator: "Anna de Vries".into(),
        note_taker: "Bram Jansen".into(),
        participants: Vec::new(),
    };
    let mut scan = Scan::new(meta, storage::bundled_frameworks().remove(0));
    scan.answers[0].perspectives[0].note = MARK.into();
    scan
}

/// A scan file whose first note is the multi-line string `value` (its
/// quotes and what follows them on the line included), after 300 KB of
/// plain text, so the file is read in pieces.
fn file_with_note(value: &str) -> String {
    let text = storage::scan_to_toml(&scan());
    let long = "Een lange notitie met \"aanhalingstekens\", é en 😀.\n".repeat(6_000);
    let value = value.replace("LONG", &long);
    let quoted = format!("\"{MARK}\"");
    assert!(text.contains(&quoted), "{text}");
    text.replacen(&quoted, &value, 1)
}

fn read(dir: &Path, name: &str, bytes: &[u8]) -> Result<recovery::ScanFile, LoadError> {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    recovery::read_scan_file(&path)
}

/// Loaded scans and warnings, or the problems, without the file's name.
fn outcome(read: Result<recovery::ScanFile, LoadError>) -> String {
    match read {
        Ok(file) => format!("{:?}", file.loaded),
        Err(LoadError::Invalid { problems, .. }) => format!("invalid: {problems:?}"),
        Err(error) => format!("error: {error}"),
    }
}

/// Notes that the fast path takes, and notes it leaves to the parser.
const NOTES: &[&str] = &[
    "\"\"\"\nLONG\"\"\"",
    "\"\"\"LONG\"\"\"",
    "\"\"\"\nLONG\"\"\"\"\"",
    "\"\"\"\nLONG\u{202e}hidden\u{200f}LONG\"\"\"",
    "\"\"\"\nLONG\\u001b[31m escaped\nLONG\"\"\"",
    "\"\"\"\r\nLONG\r\nwindows\r\n\"\"\"",
    "\"\"\"\nLONG \\\n   continued\nLONG\"\"\"",
    "\"\"\"\nLONG\\\"\"\" quote\"\"\"",
    "\"\"\"\nLONG\u{1}control\"\"\"",
    "\"\"\"\nLONG\u{7f}\"\"\"",
    "\"\"\"\nLONG\\q\"\"\"",
    "\"\"\"\nLONG\"\"\"\nchanged_at = \"2026-11-25T10:00:00Z\"",
    "\"\"\"\nLONG\"\"\"\nscore = 3",
    "\"\"\"\nLONG\"\"\"\nnote = \"twice\"",
    "\"\"\"\nLONG\"\"\"\nextra.key = 1",
    "\"\"\"\nLONG unterminated",
];

#[test]
fn a_long_note_reads_as_one_parse_reads_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    for note in NOTES {
        let text = file_with_note(note);
        assert!(text.len() > 300_000);
        // A comment after the closing quotes: the same values, but the
        // note is no longer taken as it stands, the parser decodes it.
        let decoded = file_with_note(&format!("{note} # decoded"));
        let fast = outcome(read(dir.path(), "fast.toml", text.as_bytes()));
        let slow = outcome(read(dir.path(), "slow.toml", decoded.as_bytes()));
        assert_eq!(fast, slow, "{}", &note[..note.len().min(40)]);
    }
}

#[test]
fn a_long_note_is_the_text_between_its_quotes_and_hidden_characters_are_marked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = file_with_note("\"\"\"\nLONG\u{202e}\"\"\"\"");
    let file = read(dir.path(), "scan.toml", text.as_bytes()).expect("reads");
    let long = "Een lange notitie met \"aanhalingstekens\", é en 😀.\n".repeat(6_000);
    let note = &file.loaded.value.answers[0].perspectives[0].note;
    assert_eq!(*note, format!("{long}\\u{{202e}}\""));
    assert!(
        file.loaded.warnings.iter().any(|problem| matches!(
            problem.kind,
            storage::ProblemKind::HiddenCharacters { count: 1, .. }
        )),
        "{:?}",
        file.loaded.warnings
    );
    assert_eq!(file.file_text, text);
}

#[test]
fn a_long_one_line_field_is_refused_as_before() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = storage::scan_to_toml(&scan());
    let long = "lang ".repeat(70_000);
    for region in [
        format!("\"\"\"{long}\"\"\""),
        format!("\"\"\"\n{long}\n\"\"\""),
    ] {
        let fast = text.replacen("\"Regio Zeeduinen\"", &region, 1);
        let slow = text.replacen("\"Regio Zeeduinen\"", &format!("{region} # decoded"), 1);
        assert_eq!(
            outcome(read(dir.path(), "fast.toml", fast.as_bytes())),
            outcome(read(dir.path(), "slow.toml", slow.as_bytes()))
        );
    }
}

#[test]
fn a_long_note_that_is_not_utf8_is_located_as_before() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = file_with_note("\"\"\"\nLONG\"\"\"");
    let at = text.len() / 2;
    let at = (at..)
        .find(|&at| text.is_char_boundary(at))
        .expect("boundary");
    let mut bytes = text.into_bytes();
    bytes.insert(at, 0xff);
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, &bytes).expect("write");
    let read = outcome(recovery::read_scan_file(&path));
    let loaded = match storage::load_scan(&path) {
        Err(LoadError::Invalid { problems, .. }) => format!("invalid: {problems:?}"),
        other => panic!("{other:?}"),
    };
    assert_eq!(read, loaded);
    assert!(
        read.contains(&format!("NotUtf8 {{ byte_offset: {at} }}")),
        "{read}"
    );
}

fn app(home: &Path) -> App {
    support::app_under(home)
}

#[test]
fn without_a_journal_the_hash_waits_for_the_first_frame_and_the_journal_names_it() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = home.path().join("scan.toml");
    std::fs::write(&path, file_with_note("\"\"\"\nLONG\"\"\"")).expect("write");
    let bytes = std::fs::read(&path).expect("read");
    let mut app = app(home.path());
    let mut io = Io::default();
    io.defer_opening = true;
    support::open_scan(&mut app, &mut io, &path);
    assert!(app.walkthrough().is_some());
    assert_eq!(io.file_hash, None, "not taken before the first frame");
    io.finish_opening(&mut app);
    assert_eq!(io.file_hash, Some(content_hash(&bytes)));
    let journal = read_journal(&path).expect("reads").expect("a journal");
    assert_eq!(journal.base, content_hash(&bytes));
}

#[test]
fn with_a_journal_the_hash_is_taken_to_match_it() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = home.path().join("scan.toml");
    std::fs::write(&path, file_with_note("\"\"\"\nLONG\"\"\"")).expect("write");
    let bytes = std::fs::read(&path).expect("read");
    drop(JournalWriter::start(&path, content_hash(&bytes)).expect("journal"));
    let mut app = app(home.path());
    let mut io = Io::default();
    io.defer_opening = true;
    support::open_scan(&mut app, &mut io, &path);
    assert_eq!(io.file_hash, Some(content_hash(&bytes)));
}
