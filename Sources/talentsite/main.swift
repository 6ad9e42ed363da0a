print("talentsite")
