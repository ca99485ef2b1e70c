//! Paths a person gives, for reading and for writing a report. Reading looks
//! at what the path is before opening it, so a FIFO, a device such as
//! `/dev/zero`, a socket or a folder is answered at once instead of hanging
//! or filling the memory; it opens without blocking and reads at most
//! [`MAX_INPUT_BYTES`]. Writing replaces regular files atomically and writes
//! devices and FIFOs directly, so a device node is never renamed over.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

/// The largest file zelfscan reads: a scan with long notes is well under a
/// megabyte, so this only stops what is not a scan at all.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Why a path is not read or written. Carried inside an [`io::Error`], so
/// every place that explains IO errors explains these too (see [`refusal`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("a folder, not a file")]
    Directory,
    #[error("a named pipe (FIFO), not a regular file")]
    Fifo,
    #[error("a socket, not a regular file")]
    Socket,
    #[error("a device, not a regular file")]
    Device,
    #[error("not a regular file")]
    NotRegular,
    #[error("larger than {limit} bytes")]
    TooLarge { limit: u64 },
}

impl Refused {
    fn into_io(self) -> io::Error {
        let kind = match self {
            Refused::Directory => io::ErrorKind::IsADirectory,
            Refused::TooLarge { .. } => io::ErrorKind::FileTooLarge,
            _ => io::ErrorKind::InvalidInput,
        };
        io::Error::new(kind, self)
    }
}

/// The refusal inside an IO error, when it is one.
pub fn refusal(error: &io::Error) -> Option<Refused> {
    error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<Refused>())
        .copied()
}

/// What kind of thing `meta` describes, when it is not a regular file.
fn not_regular(meta: &fs::Metadata) -> Option<Refused> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some(Refused::Directory);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(Refused::Fifo);
        }
        if kind.is_socket() {
            return Some(Refused::Socket);
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some(Refused::Device);
        }
    }
    Some(Refused::NotRegular)
}

/// Reads a regular file (through symlinks) of at most [`MAX_INPUT_BYTES`].
/// Anything else is refused before it is opened, and the open itself never
/// blocks (a FIFO swapped in between is caught on the open handle).
pub fn read_input(path: &Path) -> io::Result<Vec<u8>> {
    check_regular(&fs::metadata(path)?)?;
    let file = open_without_blocking(path)?;
    // What was opened is what counts: the path may have changed since.
    let meta = file.metadata()?;
    check_regular(&meta)?;
    // Room for the whole file (and the read that finds its end) at once: a
    // 1 MB note is then not copied through ever larger buffers. Never more
    // than the cap: a sparse file may claim any size.
    let room = meta.len().min(MAX_INPUT_BYTES).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(room).unwrap_or(0));
    file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Refused::TooLarge {
            limit: MAX_INPUT_BYTES,
        }
        .into_io());
    }
    Ok(bytes)
}

/// Like [`read_input`], with a missing file as `None`.
pub fn read_input_if_present(path: &Path) -> io::Result<Option<Vec<u8>>> {
    match read_input(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error),
    }
}

fn check_regular(meta: &fs::Metadata) -> io::Result<()> {
    if let Some(refused) = not_regular(meta) {
        return Err(refused.into_io());
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(Refused::TooLarge {
            limit: MAX_INPUT_BYTES,
        }
        .into_io());
    }
    Ok(())
}

/// Opening a FIFO for reading waits for a writer; non-blocking, it does not.
/// For a regular file the flag changes nothing.
#[cfg(unix)]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// Where a report goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OutputKind {
    /// `-`: standard output.
    Stdout,
    /// A regular file (or a symlink to one) or a new path: replaced atomically.
    File,
    /// A character device or a FIFO: written directly, never replaced.
    Stream,
}

fn output_kind(path: &Path) -> io::Result<OutputKind> {
    if path.as_os_str() == "-" {
        return Ok(OutputKind::Stdout);
    }
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(OutputKind::File),
        Err(error) => return Err(error),
    };
    match not_regular(&meta) {
        None => Ok(OutputKind::File),
        Some(Refused::Fifo) => Ok(OutputKind::Stream),
        #[cfg(unix)]
        Some(Refused::Device) => {
            // A block device is a disk: writing a report there destroys it.
            use std::os::unix::fs::FileTypeExt;
            if meta.file_type().is_char_device() {
                Ok(OutputKind::Stream)
            } else {
                Err(Refused::Device.into_io())
            }
        }
        Some(refused) => Err(refused.into_io()),
    }
}

/// Writes a report to `path`: `-` is standard output, a character device or
/// FIFO (`/dev/null`, `/dev/stdout`, a pipe) is written as it is, a regular
/// file is replaced atomically (through a symlink: the target is replaced and
/// the link kept), a new path is created atomically. A folder, a socket or a
/// block device is refused.
pub fn write_output(path: &Path, contents: &[u8]) -> io::Result<()> {
    match output_kind(path)? {
        OutputKind::Stdout => {
            let mut stdout = io::stdout().lock();
            stdout.write_all(contents)?;
            stdout.flush()
        }
        OutputKind::File => super::save::write_atomic(path, contents),
        OutputKind::Stream => {
            // No create, no truncate: the node stays exactly what it was.
            let mut stream = OpenOptions::new().write(true).open(path)?;
            stream.write_all(contents)?;
            stream.flush()
        }
    }
}

/// For the atomic save: renaming over anything but a regular file (or
/// nothing) would destroy what is there.
pub(crate) fn check_replaceable(target: &Path) -> io::Result<()> {
    match fs::symlink_metadata(target) {
        Ok(meta) => match not_regular(&meta) {
            None => Ok(()),
            Some(refused) => Err(refused.into_io()),
        },
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn mkfifo(path: &Path) {
        let status = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .expect("run mkfifo");
        assert!(status.success());
    }

    #[test]
    fn a_regular_file_is_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("scan.toml");
        fs::write(&path, "region = \"x\"\n").expect("write");
        assert_eq!(read_input(&path).expect("read"), b"region = \"x\"\n");
        assert_eq!(
            read_input_if_present(&dir.path().join("nope")).expect("missing is fine"),
            None
        );
    }

    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("pipe.toml");
        mkfifo(&fifo);
        let error = read_input(&fifo).expect_err("a FIFO is not read");
        assert_eq!(refusal(&error), Some(Refused::Fifo));
        // Opened without blocking, the open handle is caught too.
        let error = check_regular(
            &open_without_blocking(&fifo)
                .expect("open")
                .metadata()
                .expect("stat"),
        )
        .expect_err("the handle is a FIFO");
        assert_eq!(refusal(&error), Some(Refused::Fifo));
    }

    #[test]
    fn devices_sockets_and_folders_are_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let error = read_input(Path::new("/dev/zero")).expect_err("a device");
        assert_eq!(refusal(&error), Some(Refused::Device));
        let error = read_input(dir.path()).expect_err("a folder");
        assert_eq!(refusal(&error), Some(Refused::Directory));
        assert_eq!(error.kind(), io::ErrorKind::IsADirectory);
        let socket = dir.path().join("sock.toml");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("bind");
        let error = read_input(&socket).expect_err("a socket");
        assert_eq!(refusal(&error), Some(Refused::Socket));
    }

    #[test]
    fn a_file_over_the_cap_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big.toml");
        // Sparse: no 64 MB written to the disk. A terabyte too: no buffer
        // may be made for the size a file claims.
        for size in [MAX_INPUT_BYTES + 1, 1 << 40] {
            File::create(&path)
                .and_then(|file| file.set_len(size))
                .expect("sparse file");
            let error = read_input(&path).expect_err("too large");
            assert_eq!(
                refusal(&error),
                Some(Refused::TooLarge {
                    limit: MAX_INPUT_BYTES
                })
            );
        }
        File::create(&path)
            .and_then(|file| file.set_len(MAX_INPUT_BYTES))
            .expect("sparse file");
        assert_eq!(
            read_input(&path).expect("at the cap").len() as u64,
            MAX_INPUT_BYTES
        );
    }

    #[test]
    fn only_regular_files_and_new_paths_are_replaced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("pipe");
        mkfifo(&fifo);
        assert_eq!(
            refusal(&check_replaceable(&fifo).expect_err("a FIFO")),
            Some(Refused::Fifo)
        );
        assert!(check_replaceable(&dir.path().join("new")).is_ok());
        assert_eq!(
            output_kind(Path::new("-")).expect("stdout"),
            OutputKind::Stdout
        );
        assert_eq!(output_kind(&fifo).expect("fifo"), OutputKind::Stream);
        assert_eq!(
            output_kind(Path::new("/dev/null")).expect("device"),
            OutputKind::Stream
        );
        assert!(output_kind(dir.path()).is_err());
    }
}
