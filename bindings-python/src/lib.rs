//! Python binding (PyO3).
