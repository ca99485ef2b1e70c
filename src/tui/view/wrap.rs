//! Text that must not be cut mid-word on screen: word wrapping for titles and
//! legends, and shortening at a word boundary where only one row is free.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` wrapped at spaces into rows of at most `width` columns; a word
/// longer than a row is split, since there is no other way to show it.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut rows = Vec::new();
    // Leading spaces (an indent, an empty marker column) stay on the first row.
    let body = text.trim_start_matches(' ');
    let mut row = text[..text.len() - body.len()].to_string();
    for word in body.split(' ').filter(|word| !word.is_empty()) {
        let at_start = row.trim_start_matches(' ').is_empty();
        let needed = if at_start {
            row.width() + word.width()
        } else {
            row.width() + 1 + word.width()
        };
        if needed <= width {
            if !at_start {
                row.push(' ');
            }
            row.push_str(word);
            continue;
        }
        if !row.trim_start_matches(' ').is_empty() {
            rows.push(std::mem::take(&mut row));
        }
        for c in word.chars() {
            if row.width() + c.width().unwrap_or(0) > width {
                rows.push(std::mem::take(&mut row));
            }
            row.push(c);
        }
    }
    if !row.is_empty() || rows.is_empty() {
        rows.push(row);
    }
    rows
}

/// `text` as it fits in `width` columns: whole, or shortened after the last
/// whole word that fits, with "…" to show that more follows.
pub fn fit_words(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    // Leading spaces (an indent, an empty marker column) are kept as they are.
    let body = text.trim_start_matches(' ');
    let indent = &text[..text.len() - body.len()];
    // The words that fit are a start of `body` (they are joined by the
    // spaces between them): only its end and width are tracked. This runs
    // for every row of the criteria list on every frame.
    let mut fitted_end = 0;
    let mut fitted_width = 0;
    let mut word_start = 0;
    for word in body.split(' ') {
        let candidate_width = if fitted_end == 0 {
            word.width()
        } else {
            fitted_width + 1 + word.width()
        };
        if indent.len() + candidate_width + 1 > width {
            break;
        }
        fitted_end = word_start + word.len();
        fitted_width = candidate_width;
        word_start += word.len() + 1;
    }
    let fitted = &body[..fitted_end];
    if fitted.is_empty() {
        // Not even one word fits: the first letters are better than nothing.
        return super::fit(text, width);
    }
    format!(
        "{indent}{}…",
        fitted.trim_end_matches([' ', ',', ';', ':', '·', '–', '-'])
    )
}

/// Like [`fit_words`], but where whole words would leave most of the row
/// empty (a long first word), the letters that fit: for lists, where a row
/// is a pointer to more and the whole text is shown elsewhere.
pub fn fit_row(text: String, width: usize) -> String {
    if text.width() <= width {
        return text;
    }
    let by_words = fit_words(&text, width);
    if by_words.width() * 3 >= width * 2 {
        by_words
    } else {
        super::fit(&text, width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How `fit_words` was written before it tracked offsets (one string per
    /// word): the answer must not change.
    fn fit_words_by_strings(text: &str, width: usize) -> String {
        if text.width() <= width {
            return text.to_string();
        }
        let body = text.trim_start_matches(' ');
        let indent = &text[..text.len() - body.len()];
        let mut fitted = String::new();
        for word in body.split(' ') {
            let candidate = if fitted.is_empty() {
                word.to_string()
            } else {
                format!("{fitted} {word}")
            };
            if indent.len() + candidate.width() + 1 > width {
                break;
            }
            fitted = candidate;
        }
        if fitted.is_empty() {
            return super::super::fit(text, width);
        }
        format!(
            "{indent}{}…",
            fitted.trim_end_matches([' ', ',', ';', ':', '·', '–', '-'])
        )
    }

    proptest::proptest! {
        #[test]
        fn fitting_by_offsets_answers_as_by_strings(
            text in "[a-zé中 ,;:·–-]{0,40}",
            width in 0_usize..30,
        ) {
            proptest::prop_assert_eq!(
                fit_words(&text, width),
                fit_words_by_strings(&text, width)
            );
        }
    }

    #[test]
    fn wrapping_breaks_at_spaces_only() {
        assert_eq!(
            wrap_words("Jeugdigen en ouders denken mee", 12),
            vec!["Jeugdigen en", "ouders", "denken mee"]
        );
        assert_eq!(wrap_words("", 5), vec![String::new()]);
        assert_eq!(wrap_words("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap_words(" · a b", 5), vec![" · a", "b"]);
    }

    #[test]
    fn fitting_ends_on_a_whole_word() {
        assert_eq!(
            fit_words("Toegankelijkheid van zorg", 25),
            "Toegankelijkheid van zorg"
        );
        assert_eq!(
            fit_words("Toegankelijkheid van zorg", 22),
            "Toegankelijkheid van…"
        );
        assert_eq!(fit_words("Toegankelijkheid van zorg", 10), "Toegankel…");
        assert_eq!(
            fit_words(" · TOE-1 Wachttijden bekend", 22),
            " · TOE-1 Wachttijden…"
        );
    }
}
