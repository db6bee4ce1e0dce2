//! per-face-analysis behind five C exports for the browser bench: `alloc`, `load_models`,
//! `load_video`, `detect(i)` (faces found in frame i) and `mesh(i)` (detector and mesh).
//! Raw pointers: the bench page writes the inputs into memory it got from `alloc`.
#![allow(unsafe_code)]

use per_face_analysis::{y4m, Analyser, Frame};
use std::cell::RefCell;

thread_local! {
    static ANALYSER: RefCell<Option<Analyser>> = const { RefCell::new(None) };
    static FRAMES: RefCell<Vec<Frame>> = const { RefCell::new(Vec::new()) };
}

#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut v = vec![0u8; len];
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

fn bytes<'a>(p: *const u8, n: usize) -> &'a [u8] {
    // SAFETY: the page passes a pointer from `alloc` and the length it wrote.
    unsafe { std::slice::from_raw_parts(p, n) }
}

#[no_mangle]
pub extern "C" fn load_models(d: *const u8, dn: usize, l: *const u8, ln: usize) -> i32 {
    match Analyser::from_bytes(bytes(d, dn), bytes(l, ln)) {
        Ok(a) => {
            ANALYSER.with(|x| *x.borrow_mut() = Some(a));
            0
        }
        Err(_) => -1,
    }
}

#[no_mangle]
pub extern "C" fn load_video(p: *const u8, n: usize) -> i32 {
    match y4m::read(bytes(p, n)) {
        Ok((frames, _)) => {
            let len = frames.len() as i32;
            FRAMES.with(|f| *f.borrow_mut() = frames);
            len
        }
        Err(_) => -1,
    }
}

#[no_mangle]
pub extern "C" fn detect(i: usize) -> i32 {
    ANALYSER.with(|a| {
        FRAMES.with(|f| {
            let (a, f) = (a.borrow(), f.borrow());
            match (a.as_ref(), f.get(i)) {
                (Some(a), Some(fr)) => a.detector.detect(fr).map_or(-1, |d| d.len() as i32),
                _ => -1,
            }
        })
    })
}

#[no_mangle]
pub extern "C" fn mesh(i: usize) -> i32 {
    ANALYSER.with(|a| {
        FRAMES.with(|f| {
            let (a, f) = (a.borrow(), f.borrow());
            match (a.as_ref(), f.get(i)) {
                (Some(a), Some(fr)) => a.observe(fr, 0).map_or(-1, |o| i32::from(o.face.is_some())),
                _ => -1,
            }
        })
    })
}
