//! `zelfscan merge-driver BASE OURS THEIRS`: a git merge driver (`%O %A
//! %B`). Three-way by criterion and field; the result is written to OURS and
//! always loads. Exit 0 for a clean merge, 1 when conflicts remain inside
//! the scan (git then reports the file as conflicted), 2 when a version does
//! not load (OURS is then left as it was, so git falls back to a conflict).

use std::path::Path;
use std::process::ExitCode;

use super::Context;
use crate::model::Scan;
use crate::model::merge::merge_three_way;
use crate::storage;

pub fn run(context: &Context, base: &Path, ours: &Path, theirs: &Path) -> anyhow::Result<ExitCode> {
    let load = |path: &Path| -> Option<Scan> {
        match storage::load_scan(path) {
            Ok(loaded) => Some(loaded.value),
            Err(error) => {
                for line in context.describe_load_error(path, &error) {
                    eprintln!("{line}");
                }
                None
            }
        }
    };
    let (Some(our_scan), Some(their_scan)) = (load(ours), load(theirs)) else {
        return Ok(ExitCode::from(2));
    };
    // Both branches added the file: git gives an empty ancestor.
    let base_empty =
        std::fs::read(base).is_ok_and(|bytes| bytes.iter().all(u8::is_ascii_whitespace));
    let base_scan = if base_empty {
        let mut empty = Scan::new(our_scan.meta.clone(), our_scan.framework.clone());
        empty.meta.participants.clear();
        empty
    } else {
        match load(base) {
            Some(scan) => scan,
            None => return Ok(ExitCode::from(2)),
        }
    };
    let outcome = merge_three_way(&base_scan, &our_scan, &their_scan);
    let shown = storage::sanitize_for_display(&ours.display().to_string());
    storage::save_scan(ours, &outcome.scan).map_err(|error| {
        anyhow::anyhow!((context.text.many.write_failed)(&shown, &error.to_string()))
    })?;
    Ok(super::merge::report_outcome(context, &outcome, &shown))
}
