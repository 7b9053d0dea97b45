"""接待日历: reception days, rules and fair schedules, holidays, the duty roster and the notice."""
