//! Bytes → UTF-8 check (as `load_scan` does) → parse as scan and as framework
//! → if it loads: save → reload must succeed and give the same value. Every
//! problem must be located and print without control characters.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zelfscan::i18n::Lang;
use zelfscan::storage::{self, Problem};

fn check_problems(problems: &[Problem]) {
    let catalogue = Lang::Nl.catalogue();
    for problem in problems {
        assert!(problem.line >= 1 && problem.column >= 1, "{problem:?}");
        let message = catalogue.located_problem("fuzz.toml", problem);
        assert!(
            !message.chars().any(zelfscan::model::gate::is_hidden),
            "unsafe character in {message:?}"
        );
    }
}

fuzz_target!(|bytes: &[u8]| {
    // `load_scan` refuses bytes that are not UTF-8 before parsing.
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    match storage::parse_scan(text) {
        Ok(loaded) => {
            check_problems(&loaded.warnings);
            let saved = storage::scan_to_toml(&loaded.value);
            let again = storage::parse_scan(&saved).unwrap_or_else(|problems| {
                panic!("saved scan does not load: {problems:?}\n{saved}")
            });
            assert!(
                again.value == loaded.value,
                "scan changed on save:\n{saved}"
            );
            assert_eq!(
                storage::scan_to_toml(&again.value),
                saved,
                "second save differs"
            );
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            check_problems(&problems);
        }
    }
    match storage::parse_framework(text) {
        Ok(loaded) => {
            check_problems(&loaded.warnings);
            let saved = storage::framework_to_toml(&loaded.value);
            let again = storage::parse_framework(&saved).unwrap_or_else(|problems| {
                panic!("saved framework does not load: {problems:?}\n{saved}")
            });
            assert!(
                again.value == loaded.value,
                "framework changed on save:\n{saved}"
            );
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            check_problems(&problems);
        }
    }
    let _ = storage::check_source(text);
});
