import sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file("app.py", default_timeout=60)
at.run()
for p in sys.argv[1:]:
    at.switch_page(p).run()
    print(p, "exc", [e.value for e in at.exception][:1])
    print(" charts", len(at.get("vega_lite_chart")))
