#!/usr/bin/env python3
"""Lists test methods that assert nothing: no assertion in the body and no call to a same-class helper named as a
check (assert*, check*, verify*, expect*, ...) that asserts. Run from the repository root; prints file:line: name.
The leaking fixtures of emms-core (LeakingExampleFixture, LeakingPropertyFixture) are listed on purpose: they are
run by LeakCheckEnforcementTest, which asserts their failure."""
import re, glob
# Test methods (@Test, @Property, @ParameterizedTest, @RepeatedTest, @Example) whose body, and the same-class
# helpers it calls, contain no assertion.
ANN=re.compile(r'^\s*@(Test|Property|ParameterizedTest|RepeatedTest|Example)\b')
DECL=re.compile(r'^\s+(?:(?:public|private|protected|static|final|synchronized|abstract)\s+)*(?:<[^>]+>\s+)?[\w.<>\[\]?, ]+\s+(\w+)\s*\(')
ASSERT=re.compile(r'assert|\bfail\(|Assertions\.|\.verify\(|isEqualTo|isInstanceOf|Awaitility|await\(\)')
KW={'if','for','while','switch','catch','try','return','new','else','synchronized'}
def body_at(src,i):
    j=src.index('{',i); d=1; k=j+1
    while d:
        if src[k]=='{': d+=1
        elif src[k]=='}': d-=1
        k+=1
    return src[j+1:k-1]
for f in sorted(glob.glob('*/src/test/java/**/*.java',recursive=True)):
    src=open(f).read(); lines=src.split('\n')
    offs=[0]
    for l in lines: offs.append(offs[-1]+len(l)+1)
    ms={}; tests=[]
    pending=False
    for n,l in enumerate(lines):
        if ANN.match(l): pending=True; continue
        m=DECL.match(l)
        if m and m.group(1) not in KW and ('{' in l or l.rstrip().endswith(',') or l.rstrip().endswith('(') or ')' in l):
            try: b=body_at(src,offs[n])
            except Exception: pending=False; continue
            ms.setdefault(m.group(1),[]).append(b)
            if pending: tests.append((n+1,m.group(1),b))
            pending=False
        elif l.strip() and not l.strip().startswith('@') and not l.strip().startswith('//'):
            pass
    def ok_lenient(b,seen):
        if ASSERT.search(b): return True
        for c in set(re.findall(r'\b(\w+)\s*\(',b)):
            if c in ms and c not in seen:
                seen.add(c)
                if any(ok(x,seen) for x in ms[c]): return True
        return False
    def ok(b,seen):
        # strict: an assertion in the test body itself, or a call to a same-class helper named as a check
        if ASSERT.search(b): return True
        for c in set(re.findall(r'\b(\w+)\s*\(',b)):
            if c in ms and re.match(r'(assert|check|verify|expect|exercise|roundTrip|agree|splitPoints|garbage|feed)',c) and ok_lenient(''.join(ms[c]),{c}):
                return True
        return False
    for n,name,b in tests:
        if not ok(b,{name}): print(f"{f}:{n}: {name}")
