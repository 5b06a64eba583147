//! Tests of the code generator: instruction sequences of each construct, stack depths, and
//! robustness on every test program and on garbage.

mod helpers;
mod smoke;
mod corpus;
mod expressions;
mod statements;
mod functions;
mod exceptions;
mod robustness;
