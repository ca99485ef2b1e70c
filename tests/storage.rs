//! Storage through its public API: round trips, atomic saves on a real file
//! system, and every fixture under `tests/fixtures/`.

use std::fs;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::date;
use zelfscan::i18n::Lang;
use zelfscan::model::{
    ActionStatus, AgendaAction, Agreement, Ambition, Answer, Framework, Participant, Scan, ScanMeta,
};
use zelfscan::storage::{
    self, FileKind, LoadError, Problem, framework_to_toml, parse_framework, parse_scan,
    scan_to_toml,
};

fn bundled() -> Framework {
    storage::bundled_frameworks()
        .into_iter()
        .next()
        .expect("one bundled framework")
}

/// A scan that uses every feature of the format.
fn full_scan() -> Scan {
    let meta = ScanMeta {
        region: "Regio Noorderkwartier \"Zuid\"".to_string(),
        date: date(2026, 11, 25),
        facilitator: "Anna de Vries".to_string(),
        note_taker: "Bram Jansen".to_string(),
        participants: vec![
            Participant {
                name: "Carla Smit".to_string(),
                organisation: "Gemeente Zeedorp".to_string(),
                perspective: "gemeenten".to_string(),
                ..Participant::default()
            },
            Participant {
                name: "Dirk Ünal".to_string(),
                organisation: String::new(),
                perspective: "aanbieders".to_string(),
                ..Participant::default()
            },
        ],
    };
    let mut scan = Scan::new(meta, bundled());
    let stamp: Timestamp = "2026-11-25T10:12:03Z".parse().expect("timestamp");
    let first = &mut scan.answers[0];
    first.consensus = Some(Answer::Score(3));
    first.agreement = Some(Agreement::Consensus);
    first.consensus_note =
        "Regel één\nregel twee met \"quotes\" en \\ backslash\n€ 😀 ë".to_string();
    first.actions = vec![AgendaAction {
        what: "Evaluatie plannen".to_string(),
        owner: "regio".to_string(),
        due: Some(jiff::civil::date(2027, 3, 1)),
        status: ActionStatus::Ongoing,
        ..AgendaAction::default()
    }];
    first.ambition = Some(Ambition {
        level: Some(4),
        due: Some(jiff::civil::date(2027, 12, 31)),
        needed: "Tijd van de\nwethouders".to_string(),
        ..Ambition::default()
    });
    first.changed_at = Some(stamp);
    first.perspectives[0].score = Some(Answer::Score(3));
    first.perspectives[0].note = "Vastgesteld in alle raden.".to_string();
    first.perspectives[1].score = Some(Answer::Unknown);

    let second = &mut scan.answers[1];
    second.skipped = true;

    let third = &mut scan.answers[2];
    third.consensus = Some(Answer::NotApplicable);
    third.agreement = Some(Agreement::WithReservation);
    third.consensus_note = "eindigt op een quote\"".to_string();
    third.changed_at = Some("2026-11-25T10:12:03.123456789Z".parse().expect("timestamp"));

    let fifth = &mut scan.answers[4];
    fifth.agreement = Some(Agreement::NoConsensus);
    fifth.perspectives[0].score = Some(Answer::Score(1));
    fifth.perspectives[1].score = Some(Answer::Score(4));
    fifth.perspectives[1].note = "\"\"\"drie quotes\"\"\"\n\ttab\nCR\r-einde\n".to_string();

    let last = scan.answers.len() - 1;
    scan.answers[last].perspectives[1].note = "alleen een notitie".to_string();
    scan
}

#[test]
fn scan_round_trips_exactly() {
    let scan = full_scan();
    let text = scan_to_toml(&scan);
    let loaded = parse_scan(&text).unwrap_or_else(|problems| panic!("{problems:#?}\n{text}"));
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    assert_eq!(loaded.value, scan);
    assert_eq!(scan_to_toml(&loaded.value), text, "second emit differs");
}

#[test]
fn empty_scan_round_trips_and_lists_no_answers() {
    let scan = Scan::new(
        ScanMeta {
            region: String::new(),
            date: date(2026, 1, 2),
            facilitator: String::new(),
            note_taker: String::new(),
            participants: Vec::new(),
        },
        bundled(),
    );
    let text = scan_to_toml(&scan);
    assert!(!text.contains("[answers"), "{text}");
    assert!(!text.contains("[[participants"), "{text}");
    let loaded = parse_scan(&text).unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert_eq!(loaded.value, scan);
}

#[test]
fn scan_layout_is_readable() {
    let text = scan_to_toml(&full_scan());
    let expected_start = "\
# zelfscan-scan. Dit bestand mag je met de hand bewerken; bewaar het als UTF-8.
schema_version = 2
region = \"Regio Noorderkwartier \\\"Zuid\\\"\"
date = \"2026-11-25\"
facilitator = \"Anna de Vries\"
note_taker = \"Bram Jansen\"

[[participants]]
name = \"Carla Smit\"
organisation = \"Gemeente Zeedorp\"
perspective = \"gemeenten\"

[[participants]]
name = \"Dirk Ünal\"
perspective = \"aanbieders\"

[answers.VIS-1]
consensus = 3
agreement = \"consensus\"
consensus_note = \"\"\"
Regel één
regel twee met \"quotes\" en \\\\ backslash
€ 😀 ë\"\"\"
changed_at = \"2026-11-25T10:12:03Z\"

[answers.VIS-1.ambition]
level = 4
due = 2027-12-31
needed = \"\"\"
Tijd van de
wethouders\"\"\"

[[answers.VIS-1.actions]]
what = \"Evaluatie plannen\"
owner = \"regio\"
due = 2027-03-01
status = \"lopend\"

[answers.VIS-1.gemeenten]
score = 3
note = \"Vastgesteld in alle raden.\"

[answers.VIS-1.aanbieders]
score = \"onbekend\"

[answers.VIS-2]
skipped = true

[answers.VIS-3]
consensus = \"nvt\"
";
    assert!(text.starts_with(expected_start), "{text}");
    let framework_at = text.find("\n[framework]\n").expect("framework table");
    assert!(framework_at > text.rfind("[answers.").expect("answers"));
    assert!(text.contains("\n[[framework.themes.criteria]]\nid = \"VIS-1\"\n"));
    assert!(text.contains("\n[framework.weighting.attention]\n"));
    assert!(text.ends_with("unknown_share_above = \"1/3\"\n"), "{text}");
}

#[test]
fn bundled_framework_round_trips() {
    let framework = bundled();
    let text = framework_to_toml(&framework);
    let loaded = parse_framework(&text).unwrap_or_else(|problems| panic!("{problems:#?}\n{text}"));
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    assert_eq!(loaded.value, framework);
    assert_eq!(framework_to_toml(&loaded.value), text);
    assert!(
        text.contains(
            "questions = [\n  \"Is de regiovisie door alle gemeenteraden vastgesteld?\",\n"
        )
    );
    assert!(text.contains("T6 = 0.5\n"));
    assert!(text.contains("T1 = 1.0\n"));
    assert_eq!(text.matches("critical = true").count(), {
        framework
            .criteria()
            .filter(|entry| entry.criterion.critical)
            .count()
    });
}

#[test]
fn bom_and_crlf_are_accepted() {
    let scan = full_scan();
    let text = scan_to_toml(&scan);
    let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let loaded = parse_scan(&windows).unwrap_or_else(|problems| panic!("{problems:#?}"));
    // Multi-line notes come back with plain newlines; the CR the fifth answer
    // had as an escape survives because escapes are not line endings.
    assert_eq!(loaded.value, scan);
}

#[test]
fn detect_kind_tells_files_apart() {
    assert_eq!(
        storage::detect_kind(&scan_to_toml(&full_scan())),
        Some(FileKind::Scan)
    );
    assert_eq!(
        storage::detect_kind(&framework_to_toml(&bundled())),
        Some(FileKind::Framework)
    );
    assert_eq!(storage::detect_kind("a = 1\n"), None);
    assert_eq!(storage::detect_kind("a = \n"), None);
    let problems = storage::check_source("a = 1\n").expect_err("unknown kind");
    assert_eq!(problems[0].kind, storage::ProblemKind::UnknownFileKind);
    let (kind, warnings) =
        storage::check_source(&framework_to_toml(&bundled())).expect("valid framework");
    assert_eq!((kind, warnings.len()), (FileKind::Framework, 0));
}

#[test]
fn save_then_load_gives_the_same_scan_and_leaves_no_temp_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("regio noord é.toml");
    let scan = full_scan();
    storage::save_scan(&path, &scan).expect("first save");
    let mut changed = scan.clone();
    changed.answers[3].actions = vec![AgendaAction {
        what: "Tweede keer opgeslagen".to_string(),
        ..AgendaAction::default()
    }];
    storage::save_scan(&path, &changed).expect("save over existing");
    let loaded = storage::load_scan(&path).expect("load");
    assert_eq!(loaded.value, changed);
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        scan_to_toml(&changed)
    );
    let names: Vec<_> = fs::read_dir(dir.path())
        .expect("read dir")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("regio noord é.toml")]);
}

#[cfg(unix)]
#[test]
fn save_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let mode = |path: &Path| fs::metadata(path).expect("metadata").permissions().mode() & 0o777;

    let shared = dir.path().join("shared.toml");
    fs::write(&shared, "old").expect("write");
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o644)).expect("chmod");
    storage::save_scan(&shared, &full_scan()).expect("save");
    assert_eq!(mode(&shared), 0o644);

    let private = dir.path().join("private.toml");
    fs::write(&private, "old").expect("write");
    fs::set_permissions(&private, fs::Permissions::from_mode(0o600)).expect("chmod");
    storage::save_scan(&private, &full_scan()).expect("save");
    assert_eq!(mode(&private), 0o600);

    // A new file is not the 0600 of a private temp file.
    let fresh = dir.path().join("fresh.toml");
    storage::save_scan(&fresh, &full_scan()).expect("save");
    assert_ne!(mode(&fresh) & 0o044, 0, "mode {:o}", mode(&fresh));
}

#[cfg(unix)]
#[test]
fn save_through_a_symlink_updates_the_real_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let real = dir.path().join("real.toml");
    let link = dir.path().join("link.toml");
    fs::write(&real, "old").expect("write");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    storage::save_scan(&link, &full_scan()).expect("save");
    assert!(
        fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(&real).expect("read"),
        scan_to_toml(&full_scan())
    );
}

#[test]
fn load_reports_io_errors_with_the_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("missing.toml");
    match storage::load_scan(&path) {
        Err(LoadError::Io { path: reported, .. }) => assert_eq!(reported, path),
        other => panic!("expected an IO error, got {other:?}"),
    }
}

// ---- fixtures -------------------------------------------------------------

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind);
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    paths
}

/// Loads a fixture as the kind its name says (`scan-…` or `framework-…`).
fn load_fixture(path: &Path) -> Result<Vec<Problem>, Vec<Problem>> {
    let name = path
        .file_name()
        .and_then(|name| name.to_str())
        .expect("utf-8 name");
    let result = if name.starts_with("scan-") {
        storage::load_scan(path).map(|loaded| loaded.warnings)
    } else if name.starts_with("framework-") {
        storage::load_framework(path).map(|loaded| loaded.warnings)
    } else {
        panic!("fixture {name} must start with scan- or framework-");
    };
    result.map_err(|error| match error {
        LoadError::Invalid { problems, .. } => problems,
        LoadError::Io { source, .. } => panic!("{name}: {source}"),
    })
}

/// What an invalid fixture must produce: its first problem, rendered in Dutch,
/// starts with `line:column:` and contains the fragment.
struct Expectation {
    file: &'static str,
    location: &'static str,
    fragment: &'static str,
}

const INVALID: &[Expectation] = &[
    Expectation {
        file: "framework-duplicate-criterion.toml",
        location: "70:6",
        fragment: "'VIS-1' komt twee keer voor (eerder op regel 56)",
    },
    Expectation {
        file: "framework-bad-weighting.toml",
        location: "71:22",
        fragment: "'weighting.core_themes[1]' = \"T9\": dit kader heeft geen thema met die code",
    },
    Expectation {
        file: "framework-empty.toml",
        location: "1:1",
        fragment: "het bestand is leeg",
    },
    Expectation {
        file: "framework-scale-out-of-range.toml",
        location: "14:9",
        fragment: "'scale.levels[1].value' = 12: schaalwaarden lopen van 1 tot en met 9",
    },
    Expectation {
        file: "scan-bad-date.toml",
        location: "4:8",
        fragment: "'date' = \"2026-13-01\": geen geldige datum",
    },
    Expectation {
        file: "scan-empty.toml",
        location: "1:1",
        fragment: "het bestand is leeg",
    },
    Expectation {
        file: "scan-missing-region.toml",
        location: "1:1",
        fragment: "'region' ontbreekt",
    },
    Expectation {
        file: "scan-newer-schema.toml",
        location: "2:18",
        fragment: "gemaakt door een nieuwere zelfscan (schema_version 3; deze versie kent t/m 2)",
    },
    Expectation {
        file: "scan-not-utf8.toml",
        location: "3:20",
        fragment: "geen geldige UTF-8-tekst (ongeldige byte op positie 60)",
    },
    Expectation {
        file: "scan-score-not-on-scale.toml",
        location: "7:13",
        fragment: "'answers.VIS-1.consensus' = 7: geen waarde van de antwoordschaal",
    },
    Expectation {
        file: "scan-syntax-error.toml",
        location: "6:15",
        fragment: "geen geldige TOML: unclosed table",
    },
    Expectation {
        file: "scan-truncated.toml",
        location: "59:16",
        fragment: "geen geldige TOML: unclosed array table",
    },
    Expectation {
        file: "scan-unknown-criterion.toml",
        location: "6:10",
        fragment: "antwoord voor 'VIS-99', maar het kader van deze scan heeft geen criterium met die code",
    },
    Expectation {
        file: "scan-unknown-kind.toml",
        location: "1:1",
        fragment: "dit is geen scan en geen kader",
    },
    Expectation {
        file: "scan-unknown-perspective.toml",
        location: "9:16",
        fragment: "'ouders' is geen perspectief van het kader van deze scan",
    },
    Expectation {
        file: "scan-duplicate-answer-table.toml",
        location: "14:10",
        fragment: "geen geldige TOML: duplicate key",
    },
    Expectation {
        file: "scan-only-comments.toml",
        location: "1:1",
        fragment: "het bestand is leeg",
    },
    Expectation {
        file: "scan-wrong-type-note.toml",
        location: "20:8",
        fragment: "'answers.VIS-1.gemeenten.note' moet een tekst zijn, maar is een geheel getal",
    },
    Expectation {
        file: "scan-wrong-type-region.toml",
        location: "3:10",
        fragment: "'region' moet een tekst zijn, maar is een lijst",
    },
    Expectation {
        file: "scan-wrong-type-table.toml",
        location: "5:15",
        fragment: "'facilitator' moet een tekst zijn, maar is een tabel",
    },
    Expectation {
        file: "scan-wrong-type-score.toml",
        location: "7:9",
        fragment: "'answers.VIS-1.gemeenten.score' moet een geheel getal zijn, maar is een waar/onwaar",
    },
];

#[test]
fn every_invalid_fixture_fails_at_the_expected_place() {
    let catalogue = Lang::Nl.catalogue();
    let paths = fixtures("invalid");
    let names: Vec<&str> = paths
        .iter()
        .filter_map(|path| path.file_name()?.to_str())
        .collect();
    let expected: Vec<&str> = INVALID.iter().map(|expectation| expectation.file).collect();
    let mut sorted_expected = expected.clone();
    sorted_expected.sort();
    assert_eq!(
        names, sorted_expected,
        "fixtures and expectations must match one to one"
    );

    let mut failures = Vec::new();
    for expectation in INVALID {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/invalid")
            .join(expectation.file);
        let before = fs::read(&path).expect("read fixture");
        let problems = match load_fixture(&path) {
            Ok(warnings) => {
                failures.push(format!(
                    "{}: loaded (warnings {warnings:?})",
                    expectation.file
                ));
                continue;
            }
            Err(problems) => problems,
        };
        assert_eq!(
            fs::read(&path).expect("reread"),
            before,
            "{} changed",
            expectation.file
        );
        let first = catalogue.located_problem(expectation.file, &problems[0]);
        let wanted = format!("{}:{}: ", expectation.file, expectation.location);
        if !first.starts_with(&wanted) || !first.contains(expectation.fragment) {
            let all: Vec<String> = problems
                .iter()
                .map(|problem| catalogue.located_problem(expectation.file, problem))
                .collect();
            failures.push(format!(
                "{}: expected {wanted}…{}…\n  got:\n    {}",
                expectation.file,
                expectation.fragment,
                all.join("\n    ")
            ));
        }
        for problem in &problems {
            let text = catalogue.located_problem(expectation.file, problem);
            assert!(
                !text.chars().any(char::is_control),
                "raw control character in {text:?}"
            );
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_valid_fixture_loads_and_round_trips() {
    let paths = fixtures("valid");
    assert!(!paths.is_empty());
    for path in paths {
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .expect("name");
        let before = fs::read(&path).expect("read");
        if name.starts_with("scan-") || name.starts_with("hand-edited-") {
            let loaded =
                storage::load_scan(&path).unwrap_or_else(|error| panic!("{name}: {error:?}"));
            let text = scan_to_toml(&loaded.value);
            let again =
                parse_scan(&text).unwrap_or_else(|problems| panic!("{name}: {problems:#?}"));
            assert_eq!(again.value, loaded.value, "{name}");
        } else {
            let loaded =
                storage::load_framework(&path).unwrap_or_else(|error| panic!("{name}: {error:?}"));
            let text = framework_to_toml(&loaded.value);
            let again =
                parse_framework(&text).unwrap_or_else(|problems| panic!("{name}: {problems:#?}"));
            assert_eq!(again.value, loaded.value, "{name}");
        }
        assert_eq!(fs::read(&path).expect("reread"), before, "{name} changed");
    }
}

#[test]
fn unknown_keys_are_warnings_at_their_place() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/scan-unknown-key.toml");
    let loaded = storage::load_scan(&path).expect("loads despite unknown keys");
    let catalogue = Lang::Nl.catalogue();
    let rendered: Vec<String> = loaded
        .warnings
        .iter()
        .map(|problem| catalogue.located_problem("f.toml", problem))
        .collect();
    assert_eq!(
        rendered,
        vec![
            "f.toml:5:1: waarschuwing: 'weather' is onbekend voor deze versie van zelfscan; de waarde blijft bewaard",
            "f.toml:9:1: waarschuwing: 'answers.VIS-1.mood' is onbekend voor deze versie van zelfscan; de waarde blijft bewaard",
        ]
    );
    assert_eq!(loaded.value.answers[0].consensus, Some(Answer::Unknown));
}

#[test]
fn unknown_keys_fixture_keeps_its_values_on_save() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/scan-unknown-key.toml");
    let loaded = storage::load_scan(&path).expect("loads");
    let text = scan_to_toml(&loaded.value);
    assert!(
        text.contains("\nnote_taker = \"\"\nweather = \"zonnig\"\n"),
        "{text}"
    );
    assert!(
        text.contains("[answers.VIS-1]\nconsensus = \"onbekend\"\nmood = \"goed\"\n"),
        "{text}"
    );
    let again = parse_scan(&text).expect("reloads");
    assert_eq!(again.value, loaded.value);
    assert_eq!(again.warnings.len(), loaded.warnings.len());
}

/// Unknown keys in every table zelfscan reads, of every TOML type, including
/// tables and arrays of tables: all come back after a save, in their order,
/// and a second save gives the same bytes.
#[test]
fn unknown_keys_everywhere_survive_a_round_trip() {
    let base = scan_to_toml(&full_scan());
    let inserts: &[(&str, &str)] = &[
        (
            "note_taker = \"Bram Jansen\"\n",
            "top_int = 42\ntop_float = -0.0\ntop_inf = -inf\ntop_date = 1979-05-27T07:32:00-08:00\n\
             top_local = 07:32:00\ntop_array = [1, \"twee\", [3.5], { x = \"y\\nz\" }]\n\
             \"key with spaces\\n and newline\" = \"multi\\nline \\u001b escape\"\n\
             dotted.inner = true\n",
        ),
        (
            "[[participants]]\nname = \"Carla Smit\"\norganisation = \"Gemeente Zeedorp\"\nperspective = \"gemeenten\"\n",
            "role = \"wethouder\"\n[participants.contact]\nmail = \"c@example.org\"\n",
        ),
        (
            "changed_at = \"2026-11-25T10:12:03Z\"\n",
            "mood = \"goed\"\nvotes = [1, 2]\n[[answers.VIS-1.history]]\nat = 1\n[[answers.VIS-1.history]]\nat = 2\nsub.deep = \"x\"\n",
        ),
        (
            "[answers.VIS-1.gemeenten]\nscore = 3\nnote = \"Vastgesteld in alle raden.\"\n",
            "confidence = 0.75\n[answers.VIS-1.gemeenten.source]\ndoc = \"raadsbesluit\"\n",
        ),
        ("\n[framework.scale]\n", "steps = 4\n"),
        (
            "\n[[framework.perspectives]]\nid = \"gemeenten\"\n",
            "colour = \"blauw\"\n",
        ),
        ("\n[[framework.themes]]\nid = \"T1\"\n", "icon = \"eye\"\n"),
        (
            "\n[[framework.themes.criteria]]\nid = \"VIS-1\"\n",
            "weight = 2\n",
        ),
        ("\n[framework.weighting.robust]\n", "margin = 0.1\n"),
        ("\n[framework.weighting]\n", "method = \"gewogen\"\n"),
        ("\n[framework.scale.unknown]\n", "short = \"?\"\n"),
    ];
    let mut text = base.clone();
    for (anchor, insert) in inserts {
        let at = text
            .find(anchor)
            .unwrap_or_else(|| panic!("anchor {anchor:?} not in scan"))
            + anchor.len();
        text.insert_str(at, insert);
    }
    // `[framework]` itself and the unknown `[[framework.agreement_levels]]` key.
    text = text.replacen(
        "[framework]\nid = \"robuuste-jeugdhulpregio\"\n",
        "[framework]\nid = \"robuuste-jeugdhulpregio\"\nauthor = \"VNG\"\n",
        1,
    );
    // Top-level tables, and a criterion that holds only an unknown key
    // (which must still be written).
    text = text.replacen(
        "\n[framework]\n",
        "\n[answers.SAM-1]\nlater = \"nog bespreken\"\n\n[weather]\nsky = \"blauw\"\n\
         [weather.wind]\nforce = 3\n[[log]]\nline = \"a\"\n[[log]]\nline = \"b\"\n\n[framework]\n",
        1,
    );
    // A section of the last criterion of the last theme, at the very end.
    text.push_str("\n[framework.themes.criteria.meta]\nsource = \"2025\"\n");
    let loaded = parse_scan(&text).unwrap_or_else(|problems| panic!("{problems:#?}\n{text}"));
    assert!(!loaded.warnings.is_empty());
    assert!(
        loaded
            .warnings
            .iter()
            .all(|problem| matches!(problem.kind, storage::ProblemKind::UnknownKey { .. }))
    );
    let scan = &loaded.value;
    assert_eq!(scan.extra.len(), 10, "{:#?}", scan.extra);
    assert!(!scan.answers[3].is_empty());
    assert_eq!(
        scan.answers[3].status(),
        zelfscan::model::CriterionStatus::Open,
        "a kept unknown key is not an answer"
    );

    let saved = scan_to_toml(scan);
    let again = parse_scan(&saved).unwrap_or_else(|problems| panic!("{problems:#?}\n{saved}"));
    assert_eq!(&again.value, scan, "{saved}");
    assert_eq!(again.warnings.len(), loaded.warnings.len());
    assert_eq!(scan_to_toml(&again.value), saved, "second save differs");
    // Plain values follow the known keys in file order; tables come after.
    assert!(
        saved.contains(
            "[answers.VIS-1]\nconsensus = 3\nagreement = \"consensus\"\nconsensus_note = \"\"\"\n"
        ),
        "{saved}"
    );
    assert!(
        saved.contains("changed_at = \"2026-11-25T10:12:03Z\"\nmood = \"goed\"\nvotes = [1, 2]\n"),
        "{saved}"
    );
    assert!(
        saved.contains("\n[answers.SAM-1]\nlater = \"nog bespreken\"\n"),
        "{saved}"
    );
    assert!(
        saved.contains("\n[[answers.VIS-1.history]]\nat = 1\n"),
        "{saved}"
    );
    assert!(saved.contains("\n[weather.wind]\nforce = 3\n"), "{saved}");
    assert!(saved.contains("\n[participants.contact]\n"), "{saved}");
    assert!(
        saved.contains("\"key with spaces\\n and newline\" = "),
        "{saved}"
    );
    assert!(!saved.contains('\u{1b}'), "raw ESC written");
    // The framework file form keeps them too.
    let framework_text = framework_to_toml(&scan.framework);
    let framework = parse_framework(&framework_text).expect("framework reloads");
    assert_eq!(framework.value, scan.framework);
    assert!(framework_text.contains("\nauthor = \"VNG\"\n"));
}

#[test]
fn all_problems_are_collected_errors_first() {
    let source = "\
schema_version = 1
id = \"bad id\"
title = 3
colour = \"blauw\"

[scale]

[[scale.levels]]
value = 0
label = \"Nul\"

[[scale.levels]]
value = 2

[[perspectives]]
id = \"consensus\"
label = \"Consensus\"

[[agreement_levels]]
id = \"consensus\"
label = \"Ja\"

[[agreement_levels]]
id = \"misschien\"
label = \"?\"

[[themes]]
id = \"T1\"
title = \"Een\"

[[themes.criteria]]
id = \"A\"
title = \"A\"
critical = \"ja\"
questions = [\"ok\", 3]
";
    let problems = parse_framework(source).expect_err("many problems");
    let catalogue = Lang::Nl.catalogue();
    let rendered: Vec<String> = problems
        .iter()
        .map(|problem| catalogue.located_problem("k.toml", problem))
        .collect();
    let expected = [
        "k.toml:2:6: 'id' = \"bad id\": een code mag alleen",
        "k.toml:3:9: 'title' moet een tekst zijn, maar is een geheel getal",
        "k.toml:6:1: 'scale.unknown' ontbreekt",
        "k.toml:6:1: 'scale.not_applicable' ontbreekt",
        "k.toml:9:9: 'scale.levels[0].value' = 0: schaalwaarden lopen van 1 tot en met 9",
        "k.toml:12:1: 'scale.levels[1].label' ontbreekt",
        "k.toml:16:6: 'perspectives[0].id' = \"consensus\": deze code is de naam van een veld",
        "k.toml:19:1: 'agreement_levels' = \"voorbehoud\": definieer",
        "k.toml:19:1: 'agreement_levels' = \"geen_consensus\": definieer",
        "k.toml:24:6: 'agreement_levels[1].id' = \"misschien\": kies \"consensus\"",
        "k.toml:34:12: 'themes[0].criteria[0].critical' moet een waar/onwaar zijn, maar is een tekst",
        "k.toml:35:20: 'themes[0].criteria[0].questions[1]' moet een tekst zijn, maar is een geheel getal",
        "k.toml:4:1: waarschuwing: 'colour' is onbekend",
    ];
    assert_eq!(rendered.len(), expected.len(), "{rendered:#?}");
    for (got, want) in rendered.iter().zip(expected) {
        assert!(got.starts_with(want), "got {got}\nwant {want}…");
    }
}

#[test]
fn hostile_text_never_reaches_a_problem_raw() {
    // A bidi override in an unknown key and an ESC in an unknown criterion id.
    let mut text = scan_to_toml(&full_scan());
    text = text.replacen(
        "[answers.VIS-1]",
        "[answers.\"VIS\\u001b]0;pwned\\u0007\"]\nconsensus = 1\n\n[answers.VIS-1]\n\"\u{202e}x\" = 1",
        1,
    );
    let problems = parse_scan(&text).expect_err("unknown criterion");
    let catalogue = Lang::Nl.catalogue();
    let rendered: Vec<String> = problems
        .iter()
        .map(|problem| catalogue.located_problem("s.toml", problem))
        .collect();
    assert_eq!(rendered.len(), 2, "{rendered:#?}");
    assert!(
        rendered[0].contains("'VIS\\u{1b}]0;pwned\\u{7}'"),
        "{}",
        rendered[0]
    );
    assert!(
        rendered[1].contains("'answers.VIS-1.\\u{202e}x'"),
        "{}",
        rendered[1]
    );
    for line in rendered {
        assert!(
            !line
                .chars()
                .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c))
        );
    }
}

// ---- hostile and broken files (RELIABILITY.md, "fault table") -------------

/// Every character a note may not hold: C0 but tab, newline and CR; DEL; C1;
/// the bidi controls.
fn forbidden_characters() -> Vec<char> {
    (0x00u32..0x20)
        .filter(|code| ![0x09, 0x0a, 0x0d].contains(code))
        .chain([0x7f])
        .chain(0x80..0xa0)
        .chain(0x202a..=0x202e)
        .chain(0x2066..=0x2069)
        .chain([0x200e, 0x200f, 0x061c])
        .filter_map(char::from_u32)
        .collect()
}

/// The minimal valid scan with `note` as the raw TOML of the first consensus note.
fn scan_with_note_source(note: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/scan-minimal.toml");
    let base = fs::read_to_string(path).expect("fixture");
    let start = base.find("consensus_note = ").expect("note") + "consensus_note = ".len();
    let body = start + "\"\"\"\n".len();
    let end = body + base[body..].find("\"\"\"").expect("end of note") + 3;
    format!("{}{note}{}", &base[..start], &base[end..])
}

/// A hidden character no longer locks a scan: it loads, the character is a
/// visible marker in the note, and one warning says where and how many.
fn assert_one_control_warning(source: &str, shown: &str, what: &str) {
    let loaded = parse_scan(source).unwrap_or_else(|problems| panic!("{what}: {problems:?}"));
    assert_eq!(
        loaded.value.answers[0].consensus_note,
        format!("a{shown}b"),
        "{what}"
    );
    assert_eq!(loaded.warnings.len(), 1, "{what}: {:?}", loaded.warnings);
    let catalogue = Lang::Nl.catalogue();
    let first = catalogue.located_problem("s.toml", &loaded.warnings[0]);
    let wanted = "s.toml:14:18: waarschuwing: 'answers.VIS-1.consensus_note' bevat 1 stuurteken";
    assert!(first.starts_with(wanted), "{what}: {first}");
    assert!(loaded.warnings[0].needs_cleaning(), "{what}");
    assert!(
        !first.chars().any(zelfscan::model::gate::is_hidden),
        "{what}: raw character in {first:?}"
    );
}

#[test]
fn every_control_and_bidi_character_in_a_note_opens_as_a_visible_marker() {
    let characters = forbidden_characters();
    assert_eq!(characters.len(), 29 + 1 + 32 + 5 + 4 + 3);
    for c in characters {
        let code = u32::from(c);
        let shown = format!("\\u{{{code:x}}}");
        // Written as a TOML escape, and raw where TOML allows it (C1, bidi).
        let escaped = format!("\\u{code:04X}");
        let source = scan_with_note_source(&format!("\"a{escaped}b\""));
        assert_one_control_warning(&source, &shown, &format!("escaped U+{code:04X}"));
        if code >= 0x80 {
            let source = scan_with_note_source(&format!("\"a{c}b\""));
            assert_one_control_warning(&source, &shown, &format!("raw U+{code:04X}"));
        }
    }
}

#[test]
fn a_bom_and_crlf_file_loads() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/scan-bom-crlf.toml");
    let bytes = fs::read(&path).expect("read");
    assert!(bytes.starts_with(b"\xef\xbb\xbf"), "fixture has a BOM");
    assert!(
        bytes.windows(2).any(|pair| pair == b"\r\n"),
        "fixture has CRLF"
    );
    let loaded = storage::load_scan(&path).expect("loads");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert!(
        !loaded
            .value
            .answers
            .iter()
            .any(|answer| answer.consensus_note.contains('\r'))
    );
    assert_eq!(fs::read(&path).expect("reread"), bytes);
}

#[test]
fn a_one_megabyte_note_loads_and_round_trips() {
    let line = "Een lange notitie met é, ë, € en \"quotes\" \\ en 😀.\n";
    let note: String = line.repeat(1_000_000 / line.len() + 1);
    assert!(note.len() >= 1_000_000);
    let mut scan = full_scan();
    scan.answers[1].perspectives[0].note = note.clone();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("groot.toml");
    storage::save_scan(&path, &scan).expect("save");
    let loaded = storage::load_scan(&path).expect("load");
    assert_eq!(loaded.value.answers[1].perspectives[0].note, note);
    assert_eq!(loaded.value, scan);
    assert_eq!(
        scan_to_toml(&loaded.value),
        fs::read_to_string(&path).expect("read")
    );
}

#[test]
fn a_path_with_spaces_and_unicode_loads_and_saves() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("map met spaties ë");
    fs::create_dir(&folder).expect("mkdir");
    let path = folder.join("scan met spaties é.toml");
    let scan = full_scan();
    storage::save_scan(&path, &scan).expect("save");
    assert_eq!(storage::load_scan(&path).expect("load").value, scan);
    let mut changed = scan.clone();
    changed.meta.region = "Regio Één".to_string();
    storage::save_scan(&path, &changed).expect("save again");
    assert_eq!(storage::load_scan(&path).expect("reload").value, changed);
}

#[cfg(unix)]
#[test]
fn a_symlinked_scan_loads_and_stays_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let real = dir.path().join("echt.toml");
    let link = dir.path().join("link naar scan.toml");
    fs::write(&real, scan_to_toml(&full_scan())).expect("write");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let before = fs::read(&real).expect("read");
    let loaded = storage::load_scan(&link).expect("load through link");
    assert_eq!(loaded.value, full_scan());
    assert_eq!(fs::read(&real).expect("reread"), before);
    assert!(
        fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_directory_is_a_clear_io_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("scan.toml");
    fs::create_dir(&folder).expect("mkdir");
    match storage::load_scan(&folder) {
        Err(LoadError::Io { path, source }) => {
            assert_eq!(path, folder);
            assert_eq!(source.kind(), std::io::ErrorKind::IsADirectory);
            assert_eq!(
                (Lang::Nl.catalogue().io_error)(&source),
                "dit is een map, geen bestand"
            );
        }
        other => panic!("expected an IO error, got {other:?}"),
    }
    assert!(folder.is_dir());
}

#[test]
fn empty_and_comment_only_files_are_empty() {
    for source in [
        "",
        "\u{feff}",
        "\n\n",
        "# alleen commentaar\n   # nog meer\n",
        "\r\n# x\r\n",
    ] {
        let problems = parse_scan(source).expect_err("empty");
        assert_eq!(problems.len(), 1, "{source:?}: {problems:?}");
        assert_eq!(problems[0].kind, storage::ProblemKind::Empty, "{source:?}");
        assert_eq!((problems[0].line, problems[0].column), (1, 1));
        let problems = parse_framework(source).expect_err("empty");
        assert_eq!(problems[0].kind, storage::ProblemKind::Empty, "{source:?}");
    }
}
