//! Property tests of the file format: for arbitrary scans, save → load is the
//! identity and saving is deterministic; for arbitrary (also broken) input,
//! loading never panics and every problem is located and safe to print.

use jiff::Timestamp;
use jiff::civil::Date;
use proptest::prelude::*;
use zelfscan::i18n::Lang;
use zelfscan::model::gate::{self, Shape};
use zelfscan::model::{
    ActionStatus, AgendaAction, Agreement, Ambition, Answer, Extra, Framework, Participant, Scan,
    ScanMeta, Verdict, VerdictOverride,
};
use zelfscan::storage::{self, Problem, parse_framework, parse_scan, scan_to_toml};

fn bundled() -> Framework {
    storage::bundled_frameworks()
        .into_iter()
        .next()
        .expect("one bundled framework")
}

/// What the decoder keeps in a multi-line text: whatever the input gate
/// allows (see `zelfscan::model::gate`). A raw CR in a file is normalised,
/// but zelfscan writes CR as the escape `\r`, so a CR in the model survives.
fn allowed_in_text(c: char) -> bool {
    gate::allowed(c, Shape::Text)
}

/// Arbitrary Unicode text the decoder accepts, biased towards the characters
/// that are hard to quote: quotes, backslashes, newlines, `"""`.
fn text() -> impl Strategy<Value = String> {
    let tricky = prop_oneof![
        Just('"'),
        Just('\\'),
        Just('\n'),
        Just('\r'),
        Just('\t'),
        Just('\''),
        Just('é'),
        Just('😀'),
        Just('\u{feff}'),
    ];
    let piece = prop_oneof![3 => any::<char>(), 1 => tricky];
    proptest::collection::vec(piece, 0..24).prop_map(|chars| {
        chars
            .into_iter()
            .filter(|&c| allowed_in_text(c))
            .collect::<String>()
    })
}

/// Text for a one-line field (region, title, name): no line breaks.
fn line() -> impl Strategy<Value = String> {
    text().prop_map(|text| {
        text.chars()
            .filter(|&c| gate::allowed(c, Shape::OneLine))
            .collect()
    })
}

/// Text with nothing filtered out: unknown keys keep whatever they hold.
fn any_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 0..12).prop_map(|chars| chars.into_iter().collect())
}

fn datetime() -> impl Strategy<Value = toml::value::Datetime> {
    prop_oneof![
        Just("1979-05-27T07:32:00Z"),
        Just("1979-05-27T00:32:00.999999-07:00"),
        Just("1979-05-27T07:32:00"),
        Just("1979-05-27"),
        Just("07:32:00"),
        Just("00:32:00.5"),
    ]
    .prop_map(|text| text.parse().expect("valid TOML datetime"))
}

/// An arbitrary TOML value; `tables` says whether a table may appear at the
/// top (in `[answers.X]` a table would be read as a perspective).
fn toml_value(tables: bool) -> impl Strategy<Value = toml::Value> {
    let leaf = prop_oneof![
        any_text().prop_map(toml::Value::String),
        any::<i64>().prop_map(toml::Value::Integer),
        any::<f64>().prop_map(toml::Value::Float),
        any::<bool>().prop_map(toml::Value::Boolean),
        datetime().prop_map(toml::Value::Datetime),
    ];
    let nested = leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(toml::Value::Array),
            proptest::collection::vec((any_text(), inner), 0..4)
                .prop_map(|entries| toml::Value::Table(entries.into_iter().collect())),
        ]
    });
    nested.prop_filter("no table here", move |value| tables || !value.is_table())
}

/// Unknown keys: prefixed so they never collide with a key zelfscan knows.
/// In the order a file can hold them (see [`canonical`]).
fn extra(tables: bool) -> impl Strategy<Value = Extra> {
    proptest::collection::vec((any_text(), toml_value(tables)), 0..3).prop_map(|entries| {
        let entries: Vec<(String, toml::Value)> = entries
            .into_iter()
            .map(|(key, value)| (format!("x-{key}"), canonical(value)))
            .collect();
        sections_last(entries).into_iter().collect()
    })
}

/// Whether the encoder writes a value as a section (`[a]` or `[[a]]`).
fn is_section(value: &toml::Value) -> bool {
    match value {
        toml::Value::Table(_) => true,
        toml::Value::Array(items) => !items.is_empty() && items.iter().all(toml::Value::is_table),
        _ => false,
    }
}

/// In a TOML file the plain keys of a table come before its sub-tables, so
/// a table with a sub-table first cannot come back in that order. This puts
/// tables in file order (stable, recursively), as loading would.
fn canonical(value: toml::Value) -> toml::Value {
    match value {
        toml::Value::Table(table) => toml::Value::Table(
            sections_last(
                table
                    .into_iter()
                    .map(|(key, item)| (key, canonical(item)))
                    .collect(),
            )
            .into_iter()
            .collect(),
        ),
        toml::Value::Array(items) => toml::Value::Array(items.into_iter().map(canonical).collect()),
        other => other,
    }
}

fn sections_last(entries: Vec<(String, toml::Value)>) -> Vec<(String, toml::Value)> {
    let (sections, plain): (Vec<_>, Vec<_>) = entries
        .into_iter()
        .partition(|(_, value)| is_section(value));
    plain.into_iter().chain(sections).collect()
}

fn answer(levels: Vec<u8>) -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![
        Just(None),
        Just(Some(Answer::Unknown)),
        Just(Some(Answer::NotApplicable)),
        proptest::sample::select(levels).prop_map(|value| Some(Answer::Score(value))),
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (1900i16..2100, 1i8..=12, 1i8..=28)
        .prop_map(|(year, month, day)| Date::constant(year, month, day))
}

fn timestamp() -> impl Strategy<Value = Option<Timestamp>> {
    proptest::option::of(
        (0i64..4_102_444_800).prop_map(|second| Timestamp::from_second(second).expect("in range")),
    )
}

/// A criterion's agenda: maybe an ambition, and up to three actions, with
/// unknown keys of their own.
fn agenda(levels: Vec<u8>) -> impl Strategy<Value = (Option<Ambition>, Vec<AgendaAction>)> {
    let ambition = (
        proptest::option::of(proptest::sample::select(levels)),
        proptest::option::of(date()),
        text(),
        extra(true),
    )
        .prop_map(|(level, due, needed, extra)| Ambition {
            level,
            due,
            needed,
            extra,
        })
        .prop_filter("an empty ambition is no ambition", |a| !a.is_empty());
    let action = (
        text(),
        // An owner is a name: one line.
        line(),
        proptest::option::of(date()),
        proptest::sample::select(ActionStatus::ALL.to_vec()),
        any::<bool>(),
        proptest::option::of(date()),
        extra(false),
    )
        .prop_map(
            |(what, owner, due, status, private, carried_from, extra)| AgendaAction {
                what,
                owner,
                due,
                status,
                private,
                carried_from,
                extra,
            },
        );
    (
        proptest::option::of(ambition),
        proptest::collection::vec(action, 0..3),
    )
}

fn scan() -> impl Strategy<Value = Scan> {
    let framework = bundled();
    let perspective_ids: Vec<String> = framework
        .perspectives
        .iter()
        .map(|p| p.id.clone())
        .collect();
    let levels: Vec<u8> = framework
        .scale
        .levels
        .iter()
        .map(|level| level.value)
        .collect();
    let perspective_count = framework.perspectives.len();
    let criterion_count = framework.criterion_count();

    let participant = (
        line(),
        line(),
        proptest::sample::select(perspective_ids),
        extra(true),
    )
        .prop_map(|(name, organisation, perspective, extra)| Participant {
            name,
            organisation,
            perspective,
            extra,
        });
    let meta = (
        line(),
        date(),
        line(),
        line(),
        proptest::collection::vec(participant, 0..4),
    )
        .prop_map(
            |(region, date, facilitator, note_taker, participants)| ScanMeta {
                region,
                date,
                facilitator,
                note_taker,
                participants,
            },
        );
    let view = (answer(levels.clone()), text(), extra(true));
    let criterion = (
        proptest::collection::vec(view, perspective_count),
        answer(levels.clone()),
        proptest::option::of(proptest::sample::select(Agreement::ALL.to_vec())),
        text(),
        agenda(levels.clone()),
        any::<bool>(),
        timestamp(),
        extra(false),
    );
    let answers = proptest::collection::vec(proptest::option::of(criterion), criterion_count);
    let verdict = proptest::option::of((
        proptest::sample::select(Verdict::ALL.to_vec()),
        text(),
        extra(true),
    ));
    let framework_text = (line(), line(), extra(true), extra(true));

    (meta, answers, verdict, extra(true), framework_text).prop_map(
        move |(
            meta,
            answers,
            verdict,
            scan_extra,
            (title, question, framework_extra, theme_extra),
        )| {
            let mut framework = framework.clone();
            framework.title = title;
            framework.themes[0].criteria[0].questions.push(question);
            framework.extra = framework_extra;
            framework.themes[0].extra = theme_extra;
            let mut scan = Scan::new(meta, framework);
            for (slot, generated) in scan.answers.iter_mut().zip(answers) {
                let Some((views, consensus, agreement, note, agenda, skipped, changed_at, extra)) =
                    generated
                else {
                    continue;
                };
                for (view, (score, note, extra)) in slot.perspectives.iter_mut().zip(views) {
                    view.score = score;
                    view.note = note;
                    view.extra = extra;
                }
                slot.consensus = consensus;
                slot.agreement = agreement;
                slot.consensus_note = note;
                (slot.ambition, slot.actions) = agenda;
                slot.skipped = skipped;
                slot.changed_at = changed_at;
                slot.extra = extra;
            }
            scan.verdict_override = verdict.map(|(verdict, rationale, extra)| VerdictOverride {
                verdict,
                // A rationale may not be blank.
                rationale: format!("r{rationale}"),
                extra,
            });
            scan.extra = scan_extra;
            scan
        },
    )
}

/// Every problem is located and its message, as printed, holds no control
/// character (not even a newline) and no bidi control.
fn assert_printable(problems: &[Problem]) {
    let catalogue = Lang::Nl.catalogue();
    for problem in problems {
        assert!(problem.line >= 1 && problem.column >= 1, "{problem:?}");
        let message = catalogue.located_problem("f.toml", problem);
        assert!(
            !message.chars().any(|c| c.is_control()
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
            "unsafe character in {message:?}"
        );
    }
}

/// Loads text both as a scan and as a framework; whatever loads must survive
/// a save and a reload unchanged.
fn load_everything(text: &str) {
    match parse_scan(text) {
        Ok(loaded) => {
            assert_printable(&loaded.warnings);
            let saved = scan_to_toml(&loaded.value);
            let again = parse_scan(&saved).unwrap_or_else(|problems| {
                panic!("saved scan does not load: {problems:#?}\n{saved}")
            });
            assert_eq!(again.value, loaded.value, "{saved}");
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            assert_printable(&problems);
        }
    }
    match parse_framework(text) {
        Ok(loaded) => {
            assert_printable(&loaded.warnings);
            let saved = storage::framework_to_toml(&loaded.value);
            let again = parse_framework(&saved).unwrap_or_else(|problems| {
                panic!("saved framework does not load: {problems:#?}\n{saved}")
            });
            assert_eq!(again.value, loaded.value, "{saved}");
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            assert_printable(&problems);
        }
    }
    let _ = storage::check_source(text);
    let _ = storage::detect_kind(text);
}

/// A valid scan with some characters replaced, inserted or cut: text that is
/// almost right reaches much further into the decoder than random bytes.
fn mutated_scan() -> impl Strategy<Value = String> {
    let base = scan_to_toml(&Scan::new(
        ScanMeta {
            region: "Regio Test".to_string(),
            date: Date::constant(2026, 11, 25),
            facilitator: String::new(),
            note_taker: String::new(),
            participants: vec![Participant {
                name: "Carla".to_string(),
                perspective: "gemeenten".to_string(),
                ..Participant::default()
            }],
        },
        bundled(),
    ));
    let edit = (
        any::<proptest::sample::Index>(),
        0usize..40,
        prop_oneof![
            any::<String>(),
            Just(String::new()),
            Just("\"\\u001b[2J\"".to_string()),
            Just("[answers.VIS-1]\nconsensus = 9\n".to_string()),
            Just("[[participants]]\n".to_string()),
            Just(" = {".to_string()),
            Just("\"\"\"".to_string()),
            Just("\n[framework.themes.criteria]\n".to_string()),
        ],
    );
    proptest::collection::vec(edit, 1..4).prop_map(move |edits| {
        let mut text = base.clone();
        for (at, cut, insert) in edits {
            let mut start = at.index(text.len() + 1);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.replace_range(start..end, &insert);
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn save_then_load_is_the_identity(scan in scan()) {
        let text = scan_to_toml(&scan);
        let loaded = parse_scan(&text)
            .unwrap_or_else(|problems| panic!("{problems:#?}\n{text}"));
        prop_assert_eq!(&loaded.value, &scan, "{}", text);
        prop_assert_eq!(scan_to_toml(&loaded.value), text, "second save differs");
        assert_printable(&loaded.warnings);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            load_everything(text);
        }
        load_everything(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        load_everything(&text);
    }

    #[test]
    fn broken_scans_never_panic(text in mutated_scan()) {
        load_everything(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Saving scan `b` over the file of scan `a` (also with a BOM and CRLF
    /// line ends, as a Windows editor leaves it) gives a file that reads as
    /// `b`, in the file's line ends; saving what it says changes nothing. The
    /// patch is checked itself, without the fallback to the stable layout.
    #[test]
    fn patching_a_file_to_another_scan_reads_as_that_scan(a in scan(), b in scan(), windows in any::<bool>()) {
        let mut original = scan_to_toml(&a);
        if windows {
            original = format!("\u{feff}{}", original.replace('\n', "\r\n"));
        }
        // What the file says (a CRLF inside an unknown key's string stays).
        let said = parse_scan(&original).expect("loads").value;
        let same = storage::patch_scan_toml(&original, &said).expect("patches");
        prop_assert_eq!(&same, &original);
        let text = storage::patch_scan_toml(&original, &b).expect("patches");
        let loaded = parse_scan(&text)
            .unwrap_or_else(|problems| panic!("{problems:#?}\n{text}"));
        // Unknown keys keep the file's order, which `b` may not share.
        let same_but_order = |one: &Scan, other: &Scan| {
            let table = |scan: &Scan| scan_to_toml(scan).parse::<toml::Table>().ok();
            table(one).is_some() && table(one) == table(other)
        };
        prop_assert!(loaded.value == b || same_but_order(&loaded.value, &b), "{}", text);
        if windows {
            prop_assert!(text.starts_with('\u{feff}'), "no BOM");
            prop_assert!(text.contains("schema_version = 2\r\n"), "no CRLF in {}", text);
        }
    }
}
