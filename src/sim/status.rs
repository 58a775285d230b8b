//! The status-effect pool: every active status of every actor lives in one
//! slab, linked per actor. Applying a status reuses a free slot, so once the
//! pool has grown to the largest number of statuses alive at once, applying
//! and expiring them never allocates.

use serde::{Deserialize, Serialize};
use specs::{Component, DenseVecStorage};

use crate::schema::{StatusKind, StatusSpec};

/// Ticks between two pulses of a status (damage or healing).
pub const PULSE_TICKS: u32 = 20;

const NONE: u32 = u32::MAX;

/// An actor's statuses: the head of its list in the pool and a bit per kind
/// for quick checks ("is it hasted?").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Statuses {
    head: u32,
    mask: u16,
}

impl Default for Statuses {
    fn default() -> Self {
        Self {
            head: NONE,
            mask: 0,
        }
    }
}

impl Component for Statuses {
    type Storage = DenseVecStorage<Self>;
}

/// Whether an actor (with or without statuses) is weakened.
pub fn weakened(statuses: Option<&Statuses>) -> bool {
    statuses.is_some_and(|s| s.has(StatusKind::Weakened))
}

impl Statuses {
    pub fn has(&self, kind: StatusKind) -> bool {
        self.mask & kind.bit() != 0
    }

    pub fn mask(&self) -> u16 {
        self.mask
    }

    pub fn is_empty(&self) -> bool {
        self.head == NONE
    }
}

/// One active status, as saved and hashed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveStatus {
    pub kind: StatusKind,
    pub magnitude: i32,
    pub remaining: u32,
}

#[derive(Clone, Copy, Debug)]
struct Slot {
    status: ActiveStatus,
    next: u32,
}

/// What one tick did to one status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pulse {
    /// A pulse of `magnitude` (damage or healing, by kind).
    Pulse(StatusKind, i32),
    /// The status ran out and was removed.
    Ended(StatusKind),
}

/// The slab of every active status.
#[derive(Debug, Default)]
pub struct StatusPool {
    slots: Vec<Slot>,
    free: Vec<u32>,
}

impl StatusPool {
    /// A pool with room for `n` statuses at once, so a crowded fight does
    /// not grow it mid-tick.
    pub fn with_capacity(n: usize) -> Self {
        Self {
            slots: Vec::with_capacity(n),
            free: Vec::with_capacity(n),
        }
    }

    /// Applies a status. The same kind already on the actor is refreshed to
    /// the longer duration and the stronger magnitude rather than stacked.
    /// Returns true when the kind is new to the actor.
    pub fn apply(&mut self, owner: &mut Statuses, spec: &StatusSpec) -> bool {
        let status = ActiveStatus {
            kind: spec.kind,
            magnitude: spec.magnitude,
            remaining: spec.duration.max(1),
        };
        let mut i = owner.head;
        while let Some(slot) = self.slots.get_mut(i as usize) {
            if slot.status.kind == spec.kind {
                slot.status.remaining = slot.status.remaining.max(status.remaining);
                slot.status.magnitude = slot.status.magnitude.max(status.magnitude);
                return false;
            }
            i = slot.next;
        }
        self.insert(owner, status);
        true
    }

    /// Adds a status as it is, for loading saves.
    pub fn insert(&mut self, owner: &mut Statuses, status: ActiveStatus) {
        let slot = Slot {
            status,
            next: owner.head,
        };
        let index = match self.free.pop() {
            Some(i) => {
                self.slots[i as usize] = slot;
                i
            }
            None => {
                self.slots.push(slot);
                (self.slots.len() - 1) as u32
            }
        };
        owner.head = index;
        owner.mask |= status.kind.bit();
    }

    /// Removes the kinds in `mask` from the actor; returns the mask removed.
    pub fn remove(&mut self, owner: &mut Statuses, mask: u16) -> u16 {
        let mut removed = 0;
        let mut prev = NONE;
        let mut i = owner.head;
        while let Some(&slot) = self.slots.get(i as usize) {
            if slot.status.kind.bit() & mask != 0 {
                removed |= slot.status.kind.bit();
                self.unlink(owner, prev, i, slot.next);
            } else {
                prev = i;
            }
            i = slot.next;
        }
        owner.mask &= !removed;
        removed
    }

    /// Frees every status of an actor (on death or despawn).
    pub fn clear(&mut self, owner: &mut Statuses) {
        self.remove(owner, u16::MAX);
    }

    /// Advances every status of one actor by a tick, calling `on` for each
    /// pulse or expiry. Pulses come every [`PULSE_TICKS`], counted from the
    /// remaining time so that a reloaded game pulses on the same ticks.
    pub fn tick(&mut self, owner: &mut Statuses, mut on: impl FnMut(Pulse)) {
        let mut prev = NONE;
        let mut i = owner.head;
        while let Some(slot) = self.slots.get_mut(i as usize) {
            let next = slot.next;
            let s = &mut slot.status;
            s.remaining = s.remaining.saturating_sub(1);
            if s.remaining % PULSE_TICKS == 0 && s.magnitude > 0 {
                on(Pulse::Pulse(s.kind, s.magnitude));
            }
            if s.remaining == 0 {
                let kind = s.kind;
                owner.mask &= !kind.bit();
                self.unlink(owner, prev, i, next);
                on(Pulse::Ended(kind));
            } else {
                prev = i;
            }
            i = next;
        }
    }

    /// The actor's statuses, newest first.
    pub fn iter<'a>(&'a self, owner: &Statuses) -> impl Iterator<Item = ActiveStatus> + 'a {
        let mut i = owner.head;
        std::iter::from_fn(move || {
            let slot = self.slots.get(i as usize)?;
            i = slot.next;
            Some(slot.status)
        })
    }

    /// The status of one kind on the actor, if any.
    pub fn get(&self, owner: &Statuses, kind: StatusKind) -> Option<ActiveStatus> {
        if !owner.has(kind) {
            return None;
        }
        self.iter(owner).find(|s| s.kind == kind)
    }

    /// How many slots are in use (for tests and `venture bench`).
    pub fn live(&self) -> usize {
        self.slots.len() - self.free.len()
    }

    fn unlink(&mut self, owner: &mut Statuses, prev: u32, i: u32, next: u32) {
        match self.slots.get_mut(prev as usize) {
            Some(p) => p.next = next,
            None => owner.head = next,
        }
        self.free.push(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(kind: StatusKind, magnitude: i32, duration: u32) -> StatusSpec {
        StatusSpec {
            kind,
            magnitude,
            duration,
            chance: 100,
        }
    }

    #[test]
    fn reapplying_refreshes_instead_of_stacking() {
        let mut pool = StatusPool::default();
        let mut a = Statuses::default();
        assert!(pool.apply(&mut a, &spec(StatusKind::Poisoned, 1, 40)));
        assert!(!pool.apply(&mut a, &spec(StatusKind::Poisoned, 3, 10)));
        let s = pool.get(&a, StatusKind::Poisoned).unwrap();
        assert_eq!((s.magnitude, s.remaining), (3, 40));
        assert_eq!(pool.live(), 1);
    }

    #[test]
    fn pulses_every_second_and_expires() {
        let mut pool = StatusPool::default();
        let mut a = Statuses::default();
        pool.apply(&mut a, &spec(StatusKind::Burning, 2, 60));
        let mut pulses = 0;
        let mut ended = false;
        for _ in 0..60 {
            pool.tick(&mut a, |p| match p {
                Pulse::Pulse(StatusKind::Burning, 2) => pulses += 1,
                Pulse::Ended(StatusKind::Burning) => ended = true,
                _ => {}
            });
        }
        assert_eq!(pulses, 3);
        assert!(ended);
        assert!(!a.has(StatusKind::Burning));
        assert!(a.is_empty());
    }

    #[test]
    fn freed_slots_are_reused_without_growing() {
        let mut pool = StatusPool::default();
        let mut actors = [Statuses::default(); 4];
        for round in 0..50 {
            for a in &mut actors {
                pool.apply(a, &spec(StatusKind::Hasted, 0, 5));
                pool.apply(a, &spec(StatusKind::Weakened, 0, 3 + round % 3));
            }
            for _ in 0..6 {
                for a in &mut actors {
                    pool.tick(a, |_| {});
                }
            }
            assert_eq!(pool.live(), 0);
        }
        assert!(pool.slots.len() <= 8, "pool grew to {}", pool.slots.len());
    }

    #[test]
    fn remove_takes_only_the_given_kinds() {
        let mut pool = StatusPool::default();
        let mut a = Statuses::default();
        for k in StatusKind::ALL {
            pool.apply(&mut a, &spec(k, 1, 100));
        }
        let gone = pool.remove(
            &mut a,
            StatusKind::Burning.bit() | StatusKind::Poisoned.bit(),
        );
        assert_eq!(gone, StatusKind::Burning.bit() | StatusKind::Poisoned.bit());
        let left: Vec<_> = pool.iter(&a).map(|s| s.kind).collect();
        assert_eq!(left.len(), StatusKind::COUNT - 2);
        assert!(a.has(StatusKind::Hasted) && !a.has(StatusKind::Burning));
        pool.clear(&mut a);
        assert!(a.is_empty() && pool.live() == 0);
    }
}
