"""What every capability shares: errors and their messages (:mod:`errors`), the catalogs and
locale formatting (:mod:`i18n`, :mod:`catalogs`), where the workspace's folders are
(:mod:`workspace`), uncertainty sampling (:mod:`uncertainty`) and office-file sniffing
(:mod:`office_files`). Imports nothing else from crmwb."""
