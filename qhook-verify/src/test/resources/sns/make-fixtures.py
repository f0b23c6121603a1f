import json, subprocess, base64
def sign(text, md):
    open('tosign.txt','wb').write(text.encode())
    sig = subprocess.check_output(['openssl','dgst','-'+md,'-sign','key.pem','tosign.txt'])
    return base64.b64encode(sig).decode()
def canon(m, keys):
    return ''.join(f"{k}\n{m[k]}\n" for k in keys if k in m)
NOTIF=['Message','MessageId','Subject','Timestamp','TopicArn','Type']
CONF=['Message','MessageId','SubscribeURL','Timestamp','Token','TopicArn','Type']
cert='https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-qhooktest.pem'
topic='arn:aws:sns:eu-west-1:123456789012:orders'
token='2336412f37fb687f5d51e6e2425c464de12884f1'
out={}
n={'Type':'Notification','MessageId':'6d1c5b5e-0000-4000-8000-000000000001','TopicArn':topic,
   'Message':'{"type":"order.paid","id":42}','Timestamp':'2025-03-01T12:00:00.000Z','SignatureVersion':'2'}
n['Signature']=sign(canon(n,NOTIF),'sha256'); n['SigningCertURL']=cert
n['UnsubscribeURL']='https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn='+topic+':0c7f7a0e'
out['notification-v2.json']=n
c={'Type':'SubscriptionConfirmation','MessageId':'6d1c5b5e-0000-4000-8000-000000000002','Token':token,'TopicArn':topic,
   'Message':'You have chosen to subscribe to the topic '+topic+'.\nTo confirm the subscription, visit the SubscribeURL included in this message.',
   'SubscribeURL':'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn='+topic+'&Token='+token,
   'Timestamp':'2025-03-01T11:59:00.000Z','SignatureVersion':'1'}
c['Signature']=sign(canon(c,CONF),'sha1'); c['SigningCertURL']=cert
out['subscription-confirmation-v1.json']=c
u={'Type':'UnsubscribeConfirmation','MessageId':'6d1c5b5e-0000-4000-8000-000000000003','Token':token,'TopicArn':topic,
   'Message':'You have been unsubscribed from the topic '+topic+'.',
   'SubscribeURL':'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn='+topic+'&Token='+token,
   'Timestamp':'2025-03-01T12:30:00.000Z','SignatureVersion':'2'}
u['Signature']=sign(canon(u,CONF),'sha256'); u['SigningCertURL']=cert
out['unsubscribe-confirmation-v2.json']=u
for name,m in out.items():
    open(name,'w').write(json.dumps(m,indent=2)+'\n')
