//! The global interpreter lock: a flag under a mutex, held by the one OS thread allowed to
//! touch the `Vm`, with CPython's hand-over rules (`Python/ceval_gil.c`).
//!
//! - A thread that has waited a whole switch interval (5 ms by default) without the holder
//!   changing sets the *drop request* and the safepoint flag; the holder sees it at its next
//!   safepoint (the interpreter's backward jumps and calls, compiled loops' back-edges) and
//!   yields.
//! - A yielding holder waits until another thread has actually taken the lock before asking
//!   for it again ("forced switching"), or it could win the race for the mutex every time and
//!   starve the waiter.
//! - Blocking calls release the lock outright (`Vm::allow_threads`).
//! - At exit the main thread finalizes the lock: it is never released again, so daemon threads
//!   that want it wait forever while the process ends.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

use krait_runtime::signals;

/// The default switch interval (`sys.getswitchinterval()`), in nanoseconds.
const DEFAULT_INTERVAL_NANOSECONDS: u64 = 5_000_000;

#[derive(Debug)]
struct GilState {
    /// Whether some thread holds the lock.
    held: bool,
    /// How many times the lock was taken: a waiter sees whether the holder changed.
    switches: u64,
    /// Threads waiting to take it.
    waiting: usize,
    /// Set at exit: the lock is never released again.
    finalized: bool,
}

/// The global interpreter lock; see the module documentation.
#[derive(Debug)]
pub struct Gil {
    state: Mutex<GilState>,
    /// Signalled when the lock is released.
    released: Condvar,
    /// Signalled when a thread takes the lock (for forced switching).
    taken: Condvar,
    /// A waiter asks the holder to yield.
    drop_requested: AtomicBool,
    /// The switch interval in nanoseconds.
    interval: AtomicU64,
}

impl Gil {
    /// A lock already held by the calling thread (the one creating the interpreter).
    pub fn new_held() -> Gil {
        Gil {
            state: Mutex::new(GilState {
                held: true,
                switches: 1,
                waiting: 0,
                finalized: false,
            }),
            released: Condvar::new(),
            taken: Condvar::new(),
            drop_requested: AtomicBool::new(false),
            interval: AtomicU64::new(DEFAULT_INTERVAL_NANOSECONDS),
        }
    }

    fn state(&self) -> MutexGuard<'_, GilState> {
        // The state is three counters and two flags, consistent after every statement: a
        // panic elsewhere while the mutex was held leaves nothing half-done.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether a waiting thread asked the holder to yield.
    #[inline]
    pub fn drop_requested(&self) -> bool {
        self.drop_requested.load(Ordering::Relaxed)
    }

    /// The switch interval in seconds.
    pub fn interval_seconds(&self) -> f64 {
        self.interval.load(Ordering::Relaxed) as f64 / 1e9
    }

    /// Sets the switch interval (positive seconds; at least a microsecond).
    pub fn set_interval_seconds(&self, seconds: f64) {
        let nanoseconds = (seconds * 1e9).clamp(1_000.0, u64::MAX as f64) as u64;
        self.interval.store(nanoseconds, Ordering::Relaxed);
    }

    /// Blocks until the calling thread holds the lock.
    pub fn acquire(&self) {
        let mut state = self.state();
        state.waiting += 1;
        while state.held || state.finalized {
            let switches = state.switches;
            let interval = Duration::from_nanos(self.interval.load(Ordering::Relaxed));
            let (next, timeout) = match self.released.wait_timeout(state, interval) {
                Ok(pair) => pair,
                Err(poisoned) => poisoned.into_inner(),
            };
            state = next;
            if timeout.timed_out() && state.held && state.switches == switches {
                // A whole interval without a switch: ask the holder to yield.
                self.drop_requested.store(true, Ordering::SeqCst);
                signals::request_safepoint();
            }
        }
        state.waiting -= 1;
        state.held = true;
        state.switches += 1;
        self.drop_requested.store(false, Ordering::SeqCst);
        drop(state);
        self.taken.notify_all();
    }

    /// Releases the lock (unless it was finalized).
    pub fn release(&self) {
        let mut state = self.state();
        if state.finalized {
            return;
        }
        state.held = false;
        drop(state);
        self.released.notify_one();
    }

    /// Lets a waiting thread run: releases the lock, waits until another thread has taken it,
    /// and takes it back. Returns at once when nobody waits or the lock is finalized.
    pub fn yield_to_waiter(&self) {
        let mut state = self.state();
        if state.finalized || state.waiting == 0 {
            self.drop_requested.store(false, Ordering::SeqCst);
            return;
        }
        state.held = false;
        let switches = state.switches;
        self.released.notify_one();
        while state.switches == switches && state.waiting > 0 && !state.held {
            state = match self.taken.wait(state) {
                Ok(state) => state,
                Err(poisoned) => poisoned.into_inner(),
            };
        }
        drop(state);
        self.acquire();
    }

    /// Keeps the lock with its holder for good (at exit).
    pub fn finalize(&self) {
        self.state().finalized = true;
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use super::Gil;

    /// Polls like a safepoint until a waiter asks for the lock.
    fn wait_for_drop_request(gil: &Gil) {
        let started = Instant::now();
        while !gil.drop_requested() {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "no drop request"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    #[test]
    fn a_waiter_asks_for_the_lock_and_gets_it_when_the_holder_yields() {
        let gil = Arc::new(Gil::new_held());
        gil.set_interval_seconds(0.001);
        let shared = gil.clone();
        let waiter = std::thread::spawn(move || {
            shared.acquire();
            shared.release();
        });
        wait_for_drop_request(&gil);
        // Returns only after the waiter has had the lock, holding it again.
        gil.yield_to_waiter();
        waiter.join().expect("the waiter ends");
        assert!(!gil.drop_requested());
        assert!(gil.state().held);
    }

    #[test]
    fn yielding_with_nobody_waiting_keeps_the_lock() {
        let gil = Gil::new_held();
        gil.yield_to_waiter();
        assert!(gil.state().held);
        assert_eq!(gil.state().switches, 1);
    }

    #[test]
    fn a_finalized_lock_is_never_released() {
        let gil = Gil::new_held();
        gil.finalize();
        gil.release();
        gil.yield_to_waiter();
        assert!(gil.state().held);
    }
}
