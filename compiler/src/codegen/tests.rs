//! Tests of the code generator: instruction sequences of each construct, stack depths, and
//! robustness on every test program and on garbage.

mod corpus;
mod exceptions;
mod expressions;
mod functions;
mod helpers;
mod language;
mod listing;
mod robustness;
mod statements;
