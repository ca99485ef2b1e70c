//! Small pieces of the many-scans work drawn on the walkthrough: the title
//! of a homework scan.

use crate::i18n::Catalogue;
use crate::tui::app::Walkthrough;

/// The left of the top bar: app, region and framework; for homework, whose
/// homework it is comes first, so a narrow bar still says it.
pub fn scan_title(walk: &Walkthrough, text: &Catalogue) -> String {
    match walk.scan.prepared_for.as_deref() {
        Some(side) => format!(
            " {} · {}",
            (text.many.homework_line)(&walk.scan.framework.perspective_label(side)),
            walk.scan.meta.region
        ),
        None => format!(
            " {} · {} · {}",
            text.app_name, walk.scan.meta.region, walk.scan.framework.title
        ),
    }
}
