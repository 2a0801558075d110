NAV: tuple = ()
