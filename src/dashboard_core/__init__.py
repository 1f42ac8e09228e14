"""Logic of the 义务教育优质均衡发展 dashboard: snapshots, queries, the national standard, charts."""
