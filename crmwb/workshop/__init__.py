"""The live workshop: ipywidgets forms that capture the criteria's weights (:mod:`.weights`) and
the customer journey (:mod:`.journey`) in front of the client."""
