print("ntm")
