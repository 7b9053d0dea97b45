"""The office as a whole: starting one, its liaison stations, the self-test."""
