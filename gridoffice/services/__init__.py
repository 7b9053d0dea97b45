"""The office's work: plain Python in and out, no Qt. The GUI and the command line call these."""
