//! Running one program once: wall-clock time, peak RSS, exit status and output, with a timeout.
//!
//! The clock starts just before the process is spawned and stops when it exits, so start-up
//! (an interpreter's initialisation, krait's compilation or bytecode cache) counts, as it does for
//! a user. Peak RSS comes from `wait4`, which reports the resources of exactly that child. The
//! wait happens in two steps — `waitid(WNOWAIT)` to learn that the child exited, then `wait4` to
//! reap it — so that the timeout's watchdog can never kill a recycled pid: the pid stays ours
//! until the watchdog has stood down.

use std::io::{self, Read};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// The process exited with this status.
    Code(i32),
    /// The process was killed by this signal (not ours).
    Signal(i32),
    /// The harness killed it after the timeout.
    TimedOut,
}

impl Exit {
    pub fn success(self) -> bool {
        self == Exit::Code(0)
    }
}

/// What one run produced.
#[derive(Clone, Debug)]
pub struct Measurement {
    pub seconds: f64,
    /// Peak resident set size in KiB, when the OS reports it.
    pub peak_rss_kib: Option<u64>,
    /// CPU time (user + system), when the OS reports it: on a loaded machine it is steadier
    /// than the wall-clock `seconds`, which also count time spent waiting for a CPU.
    pub cpu_seconds: Option<f64>,
    pub exit: Exit,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `command` to completion (or until `timeout`), with stdin empty and stdout and stderr
/// captured.
pub fn run(mut command: Command, timeout: Duration) -> io::Result<Measurement> {
    // Its own process group, so that a timeout also stops whatever the program started (and
    // so that Ctrl-C reaches it only through `interrupt::forward`).
    #[cfg(unix)]
    {
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        interrupt::install();
    }
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = command.spawn()?;
    #[cfg(unix)]
    let _running = interrupt::Running::new(child.id());
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let ended = wait::wait(&mut child, timeout)?;
    Ok(Measurement {
        seconds: ended.at.duration_since(start).as_secs_f64(),
        peak_rss_kib: ended.peak_rss_kib,
        cpu_seconds: ended.cpu_seconds,
        exit: ended.exit,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}

/// Reads a pipe to its end on a thread, so a chatty child never blocks on a full pipe.
fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// The end of a child, as the waiting step sees it.
struct Ended {
    exit: Exit,
    peak_rss_kib: Option<u64>,
    cpu_seconds: Option<f64>,
    /// When the exit was seen (before reaping and collecting the output).
    at: Instant,
}

/// Starts the watchdog: it kills `pid` when `timeout` passes before the returned sender is
/// dropped, and reports whether it did.
fn watchdog(
    timeout: Duration,
    kill: impl FnOnce() + Send + 'static,
) -> (mpsc::Sender<()>, thread::JoinHandle<bool>) {
    let (stand_down, order) = mpsc::channel::<()>();
    let handle = thread::spawn(move || match order.recv_timeout(timeout) {
        Err(mpsc::RecvTimeoutError::Timeout) => {
            kill();
            true
        }
        _ => false,
    });
    (stand_down, handle)
}

#[cfg(unix)]
mod wait {
    use super::{watchdog, Ended, Exit};
    use std::io;
    use std::process::Child;
    use std::time::{Duration, Instant};

    pub(super) fn wait(child: &mut Child, timeout: Duration) -> io::Result<Ended> {
        let pid = child.id() as libc::pid_t;
        // SAFETY: `pid` is our unreaped child and the leader of its own process group, so the
        // signal cannot reach an unrelated process: the watchdog stands down (and is joined)
        // before the child is reaped below.
        let (stand_down, killed) = watchdog(timeout, move || unsafe {
            libc::kill(-pid, libc::SIGKILL);
        });

        // Wait for the exit without reaping, so the pid stays ours while the watchdog lives.
        loop {
            // SAFETY: an all-zero siginfo_t is a valid out-parameter; waitid only writes to it.
            let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
            // SAFETY: plain system call on our own child with a valid out-pointer.
            let r = unsafe {
                libc::waitid(
                    libc::P_PID,
                    pid as libc::id_t,
                    &mut info,
                    libc::WEXITED | libc::WNOWAIT,
                )
            };
            if r == 0 {
                break;
            }
            let error = io::Error::last_os_error();
            if error.kind() != io::ErrorKind::Interrupted {
                return Err(error);
            }
        }
        let at = Instant::now();
        drop(stand_down);
        let timed_out = killed.join().unwrap_or(false);

        // Reap it, with its resource usage.
        let mut status: libc::c_int = 0;
        // SAFETY: an all-zero rusage is a valid out-parameter.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        loop {
            // SAFETY: plain system call on our own child with valid out-pointers.
            let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
            if r == pid {
                break;
            }
            let error = io::Error::last_os_error();
            if error.kind() != io::ErrorKind::Interrupted {
                return Err(error);
            }
        }
        let exit = if libc::WIFEXITED(status) {
            Exit::Code(libc::WEXITSTATUS(status))
        } else if timed_out && libc::WTERMSIG(status) == libc::SIGKILL {
            Exit::TimedOut
        } else {
            Exit::Signal(libc::WTERMSIG(status))
        };
        // Linux reports ru_maxrss in KiB, macOS in bytes.
        let max_rss = u64::try_from(usage.ru_maxrss).ok().filter(|&v| v > 0);
        let peak_rss_kib = if cfg!(target_os = "macos") {
            max_rss.map(|b| b / 1024)
        } else {
            max_rss
        };
        let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        let cpu_seconds = Some(seconds(usage.ru_utime) + seconds(usage.ru_stime));
        Ok(Ended {
            exit,
            peak_rss_kib,
            cpu_seconds,
            at,
        })
    }
}

/// Ctrl-C (or SIGTERM) while a program runs: the program sits in its own process group, so
/// the harness passes the interruption on by killing that group before exiting itself.
#[cfg(unix)]
mod interrupt {
    use std::sync::atomic::{AtomicI32, Ordering};
    use std::sync::Once;

    /// The process group of the program running now, or 0.
    static RUNNING: AtomicI32 = AtomicI32::new(0);

    /// Marks a program as running for as long as the guard lives.
    pub(super) struct Running;

    impl Running {
        pub(super) fn new(pid: u32) -> Running {
            RUNNING.store(pid as i32, Ordering::SeqCst);
            Running
        }
    }

    impl Drop for Running {
        fn drop(&mut self) {
            RUNNING.store(0, Ordering::SeqCst);
        }
    }

    extern "C" fn forward(signal: libc::c_int) {
        let group = RUNNING.load(Ordering::SeqCst);
        // SAFETY: kill and _exit are async-signal-safe; the group is our child's (its pid).
        unsafe {
            if group > 0 {
                libc::kill(-group, libc::SIGKILL);
            }
            libc::_exit(128 + signal);
        }
    }

    pub(super) fn install() {
        static ONCE: Once = Once::new();
        ONCE.call_once(|| {
            let handler = forward as extern "C" fn(libc::c_int) as libc::sighandler_t;
            for signal in [libc::SIGINT, libc::SIGTERM] {
                // SAFETY: installs a handler that only performs async-signal-safe calls; a signal
                // ignored from the start (a background job's SIGINT) stays ignored.
                unsafe {
                    if libc::signal(signal, handler) == libc::SIG_IGN {
                        libc::signal(signal, libc::SIG_IGN);
                    }
                }
            }
        });
    }
}

#[cfg(not(unix))]
mod wait {
    //! Elsewhere: std's portable wait, with a polling timeout and no peak RSS.
    use super::{Ended, Exit};
    use std::io;
    use std::process::Child;
    use std::time::{Duration, Instant};

    pub(super) fn wait(child: &mut Child, timeout: Duration) -> io::Result<Ended> {
        let start = Instant::now();
        loop {
            if let Some(status) = child.try_wait()? {
                let exit = status.code().map_or(Exit::Signal(0), Exit::Code);
                return Ok(Ended {
                    exit,
                    peak_rss_kib: None,
                    cpu_seconds: None,
                    at: Instant::now(),
                });
            }
            if start.elapsed() > timeout {
                child.kill()?;
                child.wait()?;
                return Ok(Ended {
                    exit: Exit::TimedOut,
                    peak_rss_kib: None,
                    cpu_seconds: None,
                    at: Instant::now(),
                });
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn sh(script: &str) -> Command {
        let mut c = Command::new("sh");
        c.arg("-c").arg(script);
        c
    }

    #[test]
    fn captures_output_and_status() {
        let m = run(
            sh("echo out; echo err >&2; exit 3"),
            Duration::from_secs(30),
        )
        .unwrap();
        assert_eq!(m.stdout, "out\n");
        assert_eq!(m.stderr, "err\n");
        assert_eq!(m.exit, Exit::Code(3));
        assert!(!m.exit.success());
        assert!(m.peak_rss_kib.is_some());
        assert!(m.cpu_seconds.is_some_and(|s| s >= 0.0));
    }

    #[test]
    fn a_signal_is_reported() {
        let m = run(sh("kill -SEGV $$"), Duration::from_secs(30)).unwrap();
        assert_eq!(m.exit, Exit::Signal(libc::SIGSEGV));
    }

    #[test]
    fn the_timeout_kills() {
        let m = run(sh("exec sleep 30"), Duration::from_millis(100)).unwrap();
        assert_eq!(m.exit, Exit::TimedOut);
    }

    #[test]
    fn the_timeout_kills_what_the_program_started() {
        let start = Instant::now();
        let m = run(sh("sleep 30; echo never"), Duration::from_millis(100)).unwrap();
        assert_eq!(m.exit, Exit::TimedOut);
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the pipes outlived the timeout"
        );
    }

    #[test]
    fn a_missing_program_is_an_error() {
        assert!(run(
            Command::new("/nonexistent/krait-bench-test"),
            Duration::from_secs(1)
        )
        .is_err());
    }
}
