//! Numbers as the catalogues write them: two decimals, and the value and
//! threshold of a reason.

use crate::model::{Reason, shown_against};

/// `value` with two decimals and `separator` for the point: what
/// `format!("{value:.2}")` writes, without the float formatter (the outcome
/// screen writes a score in every bar after each edit) wherever `value` is
/// not within a hair of halfway between two hundredths, where only the
/// exact decimal expansion can tell which way it rounds.
pub(super) fn two_decimals(value: f64, separator: char) -> String {
    let scaled = value * 100.0;
    // Below a million hundredths, `scaled` is within 1e-9 of the exact
    // product, so it rounds the same way unless it is that close to a half.
    let clear =
        value.is_sign_positive() && scaled < 1e6 && (scaled - scaled.trunc() - 0.5).abs() > 1e-6;
    if !clear {
        let written = format!("{value:.2}");
        return if separator == '.' {
            written
        } else {
            written.replace('.', separator.encode_utf8(&mut [0; 4]))
        };
    }
    // In range and not negative: the cast is exact.
    let cents = scaled.round() as u32;
    let mut written = (cents / 100).to_string();
    written.push(separator);
    let rest = cents % 100;
    written.push(char::from(b'0' + (rest / 10) as u8));
    written.push(char::from(b'0' + (rest % 10) as u8));
    written
}

/// The value and the threshold of a reason that compares them, as the
/// catalogues print them: the threshold with all its decimals (at least two),
/// the value with as many as it takes to never read equal to a threshold it
/// misses ("2,000 lager dan 2,005", not "2,00 lager dan 2,00"). Empty for a
/// reason without such numbers.
pub(super) fn reason_numbers(reason: &Reason, decimal_separator: char) -> (String, String) {
    let (value, threshold) = match reason {
        Reason::TotalBelow { total, threshold } | Reason::TotalAtLeast { total, threshold } => {
            (total, threshold)
        }
        Reason::CoreThemeBelow {
            score, threshold, ..
        }
        | Reason::CoreThemeAtLeast {
            score, threshold, ..
        } => (score, threshold),
        _ => return (String::new(), String::new()),
    };
    let (value, threshold) = shown_against(value, threshold, 2);
    let separator = decimal_separator.to_string();
    (
        value.replace('.', &separator),
        threshold.replace('.', &separator),
    )
}
