//! The key hints in the bottom bar: the keys that work here and what they
//! do, as many as fit, made again only when what they read changes.

use crate::tui::app::App;
use crate::tui::keymap;

/// Everything [`hint_entries`] reads: the keys' context, whether the
/// digits set the agreement, the scale, the language and the width.
#[derive(Clone, Copy, PartialEq, Eq)]
struct HintsKey {
    context: keymap::Context,
    on_agreement: bool,
    scale: Option<(u8, u8)>,
    catalogue: usize,
    width: usize,
}

/// Key hints as (keys, " words  ") pairs, shared.
type Hints = std::rc::Rc<Vec<(String, String)>>;

std::thread_local! {
    /// The hints last made, and what from: a few, so going from one screen
    /// to another and back (the walkthrough, the outcome) finds both.
    static HINTS: std::cell::RefCell<Vec<(HintsKey, Hints)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// How many sets of hints are kept.
const KEPT: usize = 4;

/// [`hint_entries`], made again only when what it reads changed: making
/// them (every binding's label, measured) was about a twentieth of a frame.
pub(super) fn kept_hints(app: &App, context: keymap::Context, width: usize) -> Hints {
    let walk = app.walkthrough();
    let key = HintsKey {
        context,
        on_agreement: context == keymap::Context::Walkthrough
            && walk.is_some_and(|walk| walk.focus == crate::tui::app::Field::Agreement),
        scale: walk.map(|walk| crate::tui::update::scale_range(&walk.scan)),
        catalogue: std::ptr::from_ref(app.text) as usize,
        width,
    };
    HINTS.with_borrow_mut(|kept| {
        if let Some((_, hints)) = kept.iter().find(|(made_for, _)| *made_for == key) {
            return std::rc::Rc::clone(hints);
        }
        let hints = std::rc::Rc::new(hint_entries(app, context, width));
        if kept.len() == KEPT {
            kept.remove(0);
        }
        kept.push((key, std::rc::Rc::clone(&hints)));
        hints
    })
}

/// The hints that fit in `width` columns as (keys, " words  ") pairs: a hint
/// that does not fit whole is left out, so the bar never ends mid-word. The
/// way to the help always keeps its place, since the help lists the rest.
pub fn hint_entries(app: &App, context: keymap::Context, width: usize) -> Vec<(String, String)> {
    let measured: Vec<(String, String, keymap::Help, usize)> =
        keymap::screen_help_rows(app, context, true)
            .into_iter()
            .map(|(keys, help)| {
                let words = format!(" {}", (app.text.help_short)(help));
                let needed = unicode_width::UnicodeWidthStr::width(keys.as_str())
                    + unicode_width::UnicodeWidthStr::width(words.as_str());
                (keys, words, help, needed)
            })
            .collect();
    let mut reserved: usize = measured
        .iter()
        .filter(|(_, _, help, _)| *help == keymap::Help::Help)
        .map(|(_, _, _, needed)| needed + 2)
        .sum();
    let mut used = 1; // the leading space
    let mut entries = Vec::new();
    let mut full = false;
    for (keys, words, help, needed) in measured {
        let is_help = help == keymap::Help::Help;
        if is_help {
            reserved = reserved.saturating_sub(needed + 2);
        } else if full || used + needed + reserved > width {
            full = true;
            continue;
        }
        if used + needed > width {
            break;
        }
        used += needed + 2;
        entries.push((keys, format!("{words}  ")));
    }
    entries
}
