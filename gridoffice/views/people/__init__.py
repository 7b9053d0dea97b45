"""人员与队伍 screens: the register of people who are not deputies, the person form, teams."""
