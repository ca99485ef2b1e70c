//! Every input kept in `tests/fixtures/fuzz/` (crashes found by
//! `cargo fuzz run load_scan`, and cases found by the property tests) runs
//! through the same checks as the fuzz target, in the normal test suite.

use std::fs;
use std::path::Path;

use zelfscan::i18n::Lang;
use zelfscan::storage::{self, Problem, parse_framework, parse_scan, scan_to_toml};

fn check_problems(name: &str, problems: &[Problem]) {
    let catalogue = Lang::Nl.catalogue();
    for problem in problems {
        assert!(
            problem.line >= 1 && problem.column >= 1,
            "{name}: {problem:?}"
        );
        let message = catalogue.located_problem(name, problem);
        assert!(
            !message.chars().any(zelfscan::model::gate::is_hidden),
            "{name}: unsafe character in {message:?}"
        );
    }
}

/// What the fuzz target does with one input; panics on any failure.
fn run(name: &str, bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    match parse_scan(text) {
        Ok(loaded) => {
            check_problems(name, &loaded.warnings);
            let saved = scan_to_toml(&loaded.value);
            let again = parse_scan(&saved)
                .unwrap_or_else(|problems| panic!("{name}: saved scan fails: {problems:#?}"));
            assert_eq!(again.value, loaded.value, "{name}");
            assert_eq!(
                scan_to_toml(&again.value),
                saved,
                "{name}: second save differs"
            );
        }
        Err(problems) => check_problems(name, &problems),
    }
    match parse_framework(text) {
        Ok(loaded) => {
            check_problems(name, &loaded.warnings);
            let saved = storage::framework_to_toml(&loaded.value);
            let again = parse_framework(&saved)
                .unwrap_or_else(|problems| panic!("{name}: saved framework fails: {problems:#?}"));
            assert_eq!(again.value, loaded.value, "{name}");
        }
        Err(problems) => check_problems(name, &problems),
    }
    let _ = storage::check_source(text);
}

#[test]
fn every_kept_fuzz_input_loads_without_panic_and_round_trips() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut count = 0;
    for entry in fs::read_dir(&dir).expect("tests/fixtures/fuzz") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or("?")
            .to_string();
        let bytes = fs::read(&path).expect("read");
        run(&name, &bytes);
        assert_eq!(fs::read(&path).expect("reread"), bytes, "{name} changed");
        count += 1;
    }
    assert!(count > 0, "no inputs in {}", dir.display());
}

#[test]
fn unknown_values_of_every_kind_are_kept() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz/unknown-values-of-every-kind.toml");
    let loaded = storage::load_scan(&path).expect("loads");
    let keys: Vec<&str> = loaded.value.extra.iter().map(|(key, _)| key).collect();
    // In the order a save writes them: plain values, then tables. Before
    // this was so, `x-tabel` (inline, first in the file) came back after
    // `x-lijst`, and the scan did not round-trip equal.
    assert_eq!(keys, ["x-lijst", "x-tabel", "x-diep"]);
    assert_eq!(loaded.warnings.len(), 3);
}

#[test]
fn unknown_numbers_out_of_range_are_errors_not_lost() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz/unknown-numbers-out-of-range.toml");
    let source = fs::read_to_string(&path).expect("read");
    let problems = parse_scan(&source).expect_err("numbers TOML cannot hold");
    let catalogue = Lang::Nl.catalogue();
    let rendered: Vec<String> = problems
        .iter()
        .filter(|problem| !problem.is_warning())
        .map(|problem| catalogue.located_problem("f.toml", problem))
        .collect();
    assert_eq!(
        rendered,
        [
            "f.toml:6:11: 'x-groot' = 99999999999999999999: geen bruikbaar getal",
            "f.toml:7:11: 'x-float' = 1e999: geen bruikbaar getal",
        ]
    );
}
