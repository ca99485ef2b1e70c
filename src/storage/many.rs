//! Reading many scans in one go, on every core: the budget an overview of
//! many regions (or `check` on a folder of scans) lives on. Results come back
//! in the order the paths were given, whatever order the threads finish in.

use std::path::Path;

use rayon::prelude::*;

use super::decode::{self, SharedFrameworks};
use super::{FileKind, LoadError, Loaded, Problem};
use crate::model::Scan;

/// Reads and parses every scan, in parallel; one result per path, in input
/// order. No file is modified.
pub fn load_many<P: AsRef<Path> + Sync>(paths: &[P]) -> Vec<Result<Loaded<Scan>, LoadError>> {
    load_many_with(paths, |loaded| loaded)
}

/// As [`load_many`], and runs `then` on each scan that loaded, on the same
/// thread that read it, so the work after reading (such as
/// [`crate::model::evaluate`]) is spread over the cores too. A framework
/// embedded in many of the scans is decoded once (see `decode/shared.rs`).
pub fn load_many_with<P, T, F>(paths: &[P], then: F) -> Vec<Result<T, LoadError>>
where
    P: AsRef<Path> + Sync,
    T: Send,
    F: Fn(Loaded<Scan>) -> T + Sync,
{
    let shared = SharedFrameworks::default();
    paths
        .par_iter()
        .map(|path| {
            super::load_with(path.as_ref(), |source| {
                decode::scan_sharing(source, &shared)
            })
            .map(&then)
        })
        .collect()
}

/// What `zelfscan check` says of each file, in parallel, in input order:
/// its kind and warnings, or why it does not load. Each file is read once;
/// one that is neither kind is checked as a scan, whose messages explain
/// what a scan needs.
pub fn check_many<P: AsRef<Path> + Sync>(
    paths: &[P],
) -> Vec<Result<(FileKind, Vec<Problem>), LoadError>> {
    let shared = SharedFrameworks::default();
    paths
        .par_iter()
        .map(|path| check_one(path.as_ref(), &shared))
        .collect()
}

fn check_one(
    path: &Path,
    shared: &SharedFrameworks,
) -> Result<(FileKind, Vec<Problem>), LoadError> {
    // Through the one guarded way in: a FIFO or a device is refused, not read.
    let bytes = super::input::read_input(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    // Parsed as a scan (the common case) once; only a file that turns out
    // to be another kind is parsed again, as a framework.
    let as_scan = super::parse_bytes(path, &bytes, |source| decode::scan_sharing(source, shared));
    match as_scan {
        Err(LoadError::Invalid { problems, .. }) if only_unknown_kind(&problems) => {
            match super::parse_bytes(path, &bytes, super::parse_framework) {
                Ok(loaded) => Ok((FileKind::Framework, loaded.warnings)),
                Err(LoadError::Invalid {
                    problems: found, ..
                }) if !only_unknown_kind(&found) => Err(LoadError::Invalid {
                    path: path.to_path_buf(),
                    problems: found,
                }),
                Err(_) => Err(LoadError::Invalid {
                    path: path.to_path_buf(),
                    problems,
                }),
            }
        }
        other => other.map(|loaded| (FileKind::Scan, loaded.warnings)),
    }
}

fn only_unknown_kind(problems: &[Problem]) -> bool {
    matches!(problems, [problem] if problem.kind == super::ProblemKind::UnknownFileKind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ScanMeta, evaluate};

    fn scan(region: &str) -> Scan {
        let meta = ScanMeta {
            region: region.into(),
            date: "2026-11-25".parse().expect("date"),
            facilitator: "Anna".into(),
            note_taker: "Bram".into(),
            participants: Vec::new(),
        };
        Scan::new(meta, super::super::bundled_frameworks().remove(0))
    }

    #[test]
    fn results_come_back_in_input_order_with_errors_in_place() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut paths = Vec::new();
        for index in 0..40 {
            let path = dir.path().join(format!("scan-{index}.toml"));
            if index == 7 {
                std::fs::write(&path, "region = ").expect("write");
            } else if index != 13 {
                super::super::save_scan(&path, &scan(&format!("Regio {index}"))).expect("save");
            }
            paths.push(path);
        }
        let results = load_many(&paths);
        assert_eq!(results.len(), paths.len());
        for (index, result) in results.iter().enumerate() {
            match index {
                7 => assert!(
                    matches!(result, Err(LoadError::Invalid { path, .. }) if path == &paths[7])
                ),
                13 => {
                    assert!(matches!(result, Err(LoadError::Io { path, .. }) if path == &paths[13]))
                }
                _ => {
                    let loaded = result.as_ref().expect("loads");
                    assert_eq!(loaded.value.meta.region, format!("Regio {index}"));
                }
            }
        }
    }

    #[test]
    fn load_many_with_evaluates_each_scan() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("scan.toml");
        super::super::save_scan(&path, &scan("Regio Oost")).expect("save");
        let results = load_many_with(&[&path, &path], |loaded| {
            (
                loaded.value.meta.region.clone(),
                evaluate(&loaded.value).verdict(),
            )
        });
        let expected = evaluate(&scan("Regio Oost")).verdict();
        for result in results {
            let (region, verdict) = result.expect("loads");
            assert_eq!(region, "Regio Oost");
            assert_eq!(verdict, expected);
        }
    }

    #[test]
    fn check_many_tells_each_kind_and_its_problems_in_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let framework = super::super::bundled_frameworks().remove(0);
        let files = [
            ("scan.toml", super::super::scan_to_toml(&scan("Regio Oost"))),
            ("kader.toml", super::super::framework_to_toml(&framework)),
            (
                "kapot-kader.toml",
                super::super::framework_to_toml(&framework).replacen("title = ", "titel = ", 1),
            ),
            ("geen.toml", "iets = 1\n".to_string()),
        ];
        let paths: Vec<_> = files
            .iter()
            .map(|(name, text)| {
                let path = dir.path().join(name);
                std::fs::write(&path, text).expect("write");
                path
            })
            .collect();
        let results = check_many(&paths);
        assert!(matches!(results[0], Ok((FileKind::Scan, _))));
        assert!(matches!(results[1], Ok((FileKind::Framework, _))));
        let Err(LoadError::Invalid { problems, .. }) = &results[2] else {
            panic!("{:?}", results[2]);
        };
        assert!(
            problems
                .iter()
                .any(|p| matches!(&p.kind, super::super::ProblemKind::MissingKey { .. })),
            "a framework's own problems: {problems:?}"
        );
        let Err(LoadError::Invalid { problems, .. }) = &results[3] else {
            panic!("{:?}", results[3]);
        };
        assert!(only_unknown_kind(problems));
    }
}
