print("ntm-hub")
